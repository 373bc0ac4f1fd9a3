using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Breakaway.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PatientId = table.Column<int>(type: "integer", nullable: true),
                    TemplateId = table.Column<int>(type: "integer", nullable: true),
                    MeasureSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    AtStart = table.Column<bool>(type: "boolean", nullable: false),
                    EveryWeeks = table.Column<int>(type: "integer", nullable: true),
                    AtDischarge = table.Column<bool>(type: "boolean", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DischargeDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    StoppedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PatientId = table.Column<int>(type: "integer", nullable: false),
                    FromPatient = table.Column<bool>(type: "boolean", nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SessionLogId = table.Column<long>(type: "bigint", nullable: true),
                    IdempotencyKey = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PatientId = table.Column<int>(type: "integer", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    MeasureSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Activities = table.Column<List<string>>(type: "text[]", nullable: false),
                    Answers = table.Column<List<int>>(type: "integer[]", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Score = table.Column<double>(type: "double precision", nullable: true)
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
