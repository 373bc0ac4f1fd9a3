using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Breakaway.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutcomeMeasuresAndMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeasurePlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: true),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeasureSlug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    AtStart = table.Column<bool>(type: "INTEGER", nullable: false),
                    EveryWeeks = table.Column<int>(type: "INTEGER", nullable: true),
                    AtDischarge = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DischargeDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    StoppedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurePlans", x => x.Id);
                    table.CheckConstraint("CK_MeasurePlan_EveryWeeks", "\"EveryWeeks\" IS NULL OR (\"EveryWeeks\" >= 1 AND \"EveryWeeks\" <= 52)");
                    table.ForeignKey(
                        name: "FK_MeasurePlans_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeasurePlans_Programs_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PatientMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromPatient = table.Column<bool>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SessionLogId = table.Column<long>(type: "INTEGER", nullable: true),
                    IdempotencyKey = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PatientMessages_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PatientMessages_SessionLogs_SessionLogId",
                        column: x => x.SessionLogId,
                        principalTable: "SessionLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MeasureResponses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureSlug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Activities = table.Column<string>(type: "TEXT", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureResponses_MeasurePlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "MeasurePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeasureResponses_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeasurePlans_PatientId",
                table: "MeasurePlans",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasurePlans_TemplateId",
                table: "MeasurePlans",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureResponses_PatientId_MeasureSlug",
                table: "MeasureResponses",
                columns: new[] { "PatientId", "MeasureSlug" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureResponses_PlanId_DueDate",
                table: "MeasureResponses",
                columns: new[] { "PlanId", "DueDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PatientMessages_IdempotencyKey",
                table: "PatientMessages",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PatientMessages_PatientId_SentUtc",
                table: "PatientMessages",
                columns: new[] { "PatientId", "SentUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PatientMessages_SessionLogId",
                table: "PatientMessages",
                column: "SessionLogId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeasureResponses");

            migrationBuilder.DropTable(
                name: "PatientMessages");

            migrationBuilder.DropTable(
                name: "MeasurePlans");
        }
    }
}
