using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Breakaway.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseloadsAndReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The dashboard's lines are rewritten on the next view with their reasons and 14-day adherence.
            migrationBuilder.Sql("DELETE FROM \"AttentionSummaries\";");

            migrationBuilder.AddColumn<string>(
                name: "PrimaryTherapistUserId",
                table: "Patients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Adherence14",
                table: "AttentionSummaries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "AttentionSummaries",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "SeenDay",
                table: "AttentionSummaries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Patients_PrimaryTherapistUserId",
                table: "Patients",
                column: "PrimaryTherapistUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Patients_AspNetUsers_PrimaryTherapistUserId",
                table: "Patients",
                column: "PrimaryTherapistUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Patients_AspNetUsers_PrimaryTherapistUserId",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Patients_PrimaryTherapistUserId",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "PrimaryTherapistUserId",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "Adherence14",
                table: "AttentionSummaries");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "AttentionSummaries");

            migrationBuilder.DropColumn(
                name: "SeenDay",
                table: "AttentionSummaries");
        }
    }
}
