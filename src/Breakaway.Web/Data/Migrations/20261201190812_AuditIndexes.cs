using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Breakaway.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ActorUserId_TimestampUtc",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_PatientId_TimestampUtc",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_Id",
                table: "AuditEntries",
                columns: new[] { "Action", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorUserId_Id",
                table: "AuditEntries",
                columns: new[] { "ActorUserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PatientId_Id",
                table: "AuditEntries",
                columns: new[] { "PatientId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TargetUserId_Id",
                table: "AuditEntries",
                columns: new[] { "TargetUserId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Action_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ActorUserId_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_PatientId_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_TargetUserId_Id",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorUserId_TimestampUtc",
                table: "AuditEntries",
                columns: new[] { "ActorUserId", "TimestampUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PatientId_TimestampUtc",
                table: "AuditEntries",
                columns: new[] { "PatientId", "TimestampUtc" });
        }
    }
}
