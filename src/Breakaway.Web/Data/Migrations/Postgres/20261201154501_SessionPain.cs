using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Breakaway.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionPain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Difficulty",
                table: "SessionLogs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "SessionLogs",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Pain",
                table: "SessionLogs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_SessionLog_Pain",
                table: "SessionLogs",
                sql: "\"Pain\" IS NULL OR (\"Pain\" >= 0 AND \"Pain\" <= 10)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_SessionLog_Pain",
                table: "SessionLogs");

            migrationBuilder.DropColumn(
                name: "Difficulty",
                table: "SessionLogs");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "SessionLogs");

            migrationBuilder.DropColumn(
                name: "Pain",
                table: "SessionLogs");
        }
    }
}
