using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Breakaway.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AttentionSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AttentionSummaries",
                columns: table => new
                {
                    PatientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Group = table.Column<int>(type: "INTEGER", nullable: false),
                    LatestEventUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SortUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProgramTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Adherence7 = table.Column<int>(type: "INTEGER", nullable: true),
                    Adherence28 = table.Column<int>(type: "INTEGER", nullable: true),
                    LastSession = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PainLast7 = table.Column<double>(type: "REAL", nullable: true),
                    PainPrevious7 = table.Column<double>(type: "REAL", nullable: true),
                    PainTrend = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OpenFlag = table.Column<bool>(type: "INTEGER", nullable: false),
                    RisingPain = table.Column<bool>(type: "INTEGER", nullable: false),
                    StopCue = table.Column<bool>(type: "INTEGER", nullable: false),
                    LowAdherence = table.Column<bool>(type: "INTEGER", nullable: false),
                    Quiet = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttentionSummaries", x => x.PatientId);
                    table.ForeignKey(
                        name: "FK_AttentionSummaries_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttentionSummaries_Group_SortUtc",
                table: "AttentionSummaries",
                columns: new[] { "Group", "SortUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttentionSummaries");
        }
    }
}
