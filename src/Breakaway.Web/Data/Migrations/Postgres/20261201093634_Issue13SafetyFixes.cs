using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Breakaway.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue13SafetyFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RedFlags_SessionLogs_SessionLogId",
                table: "RedFlags");

            migrationBuilder.DropIndex(
                name: "IX_ExerciseLogs_SessionLogId",
                table: "ExerciseLogs");

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "RedFlags",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeNote",
                table: "RedFlags",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Patients",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientAddress",
                table: "AuditEntries",
                type: "character varying(45)",
                maxLength: 45,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SessionNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionLogId = table.Column<long>(type: "bigint", nullable: false),
                    WrittenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionNotes_SessionLogs_SessionLogId",
                        column: x => x.SessionLogId,
                        principalTable: "SessionLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Only a crafted form could log one exercise twice in a session; keep the first row so the unique index can be built.
            migrationBuilder.Sql(
                "DELETE FROM \"ExerciseLogs\" WHERE \"Id\" NOT IN (SELECT MIN(\"Id\") FROM \"ExerciseLogs\" GROUP BY \"SessionLogId\", \"ProgramExerciseId\")");

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseLogs_SessionLogId_ProgramExerciseId",
                table: "ExerciseLogs",
                columns: new[] { "SessionLogId", "ProgramExerciseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionNotes_SessionLogId",
                table: "SessionNotes",
                column: "SessionLogId");

            migrationBuilder.AddForeignKey(
                name: "FK_RedFlags_SessionLogs_SessionLogId",
                table: "RedFlags",
                column: "SessionLogId",
                principalTable: "SessionLogs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RedFlags_SessionLogs_SessionLogId",
                table: "RedFlags");

            migrationBuilder.DropTable(
                name: "SessionNotes");

            migrationBuilder.DropIndex(
                name: "IX_ExerciseLogs_SessionLogId_ProgramExerciseId",
                table: "ExerciseLogs");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "RedFlags");

            migrationBuilder.DropColumn(
                name: "OutcomeNote",
                table: "RedFlags");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "ClientAddress",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseLogs_SessionLogId",
                table: "ExerciseLogs",
                column: "SessionLogId");

            migrationBuilder.AddForeignKey(
                name: "FK_RedFlags_SessionLogs_SessionLogId",
                table: "RedFlags",
                column: "SessionLogId",
                principalTable: "SessionLogs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
