using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Breakaway.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarTokenHash",
                table: "Patients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SessionLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LoggedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IdempotencyKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Signs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionLogs_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionLogs_ProgramVersions_ProgramVersionId",
                        column: x => x.ProgramVersionId,
                        principalTable: "ProgramVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExerciseLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionLogId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProgramExerciseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExerciseId = table.Column<int>(type: "INTEGER", nullable: false),
                    SetsCompleted = table.Column<int>(type: "INTEGER", nullable: false),
                    RepsPerSet = table.Column<int>(type: "INTEGER", nullable: false),
                    Pain = table.Column<int>(type: "INTEGER", nullable: true),
                    Difficulty = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    StopCueId = table.Column<int>(type: "INTEGER", nullable: true),
                    StopCueText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StopCueWasPain = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Prescribed_HoldSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Prescribed_PerSide = table.Column<bool>(type: "INTEGER", nullable: false),
                    Prescribed_Reps = table.Column<int>(type: "INTEGER", nullable: false),
                    Prescribed_RestSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Prescribed_Sets = table.Column<int>(type: "INTEGER", nullable: false),
                    Prescribed_TimesPerWeek = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExerciseLogs", x => x.Id);
                    table.CheckConstraint("CK_ExerciseLog_Pain", "\"Pain\" IS NULL OR (\"Pain\" >= 0 AND \"Pain\" <= 10)");
                    table.CheckConstraint("CK_ExerciseLog_Reps", "\"RepsPerSet\" >= 0 AND \"RepsPerSet\" <= 100");
                    table.CheckConstraint("CK_ExerciseLog_Sets", "\"SetsCompleted\" >= 0 AND \"SetsCompleted\" <= 10");
                    table.ForeignKey(
                        name: "FK_ExerciseLogs_Exercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "Exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExerciseLogs_SessionLogs_SessionLogId",
                        column: x => x.SessionLogId,
                        principalTable: "SessionLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExerciseLogs_StopCues_StopCueId",
                        column: x => x.StopCueId,
                        principalTable: "StopCues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RedFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionLogId = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AcknowledgedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RedFlags_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RedFlags_SessionLogs_SessionLogId",
                        column: x => x.SessionLogId,
                        principalTable: "SessionLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseLogs_ExerciseId_SessionLogId",
                table: "ExerciseLogs",
                columns: new[] { "ExerciseId", "SessionLogId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseLogs_SessionLogId",
                table: "ExerciseLogs",
                column: "SessionLogId");

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseLogs_StopCueId",
                table: "ExerciseLogs",
                column: "StopCueId");

            migrationBuilder.CreateIndex(
                name: "IX_RedFlags_PatientId_AcknowledgedUtc",
                table: "RedFlags",
                columns: new[] { "PatientId", "AcknowledgedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RedFlags_SessionLogId",
                table: "RedFlags",
                column: "SessionLogId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionLogs_IdempotencyKey",
                table: "SessionLogs",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionLogs_PatientId_Date",
                table: "SessionLogs",
                columns: new[] { "PatientId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionLogs_ProgramVersionId",
                table: "SessionLogs",
                column: "ProgramVersionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExerciseLogs");

            migrationBuilder.DropTable(
                name: "RedFlags");

            migrationBuilder.DropTable(
                name: "SessionLogs");

            migrationBuilder.DropColumn(
                name: "CalendarTokenHash",
                table: "Patients");
        }
    }
}
