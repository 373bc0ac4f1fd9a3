using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Breakaway.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastReminderDay",
                table: "Patients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReminderDays",
                table: "Patients",
                type: "integer",
                nullable: false,
                defaultValue: 127);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "ReminderTime",
                table: "Patients",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReminderTimeZone",
                table: "Patients",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RemindersOn",
                table: "Patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastReminderDay",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "ReminderDays",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "ReminderTime",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "ReminderTimeZone",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "RemindersOn",
                table: "Patients");
        }
    }
}
