using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Breakaway.Web.Data.Migrations.Postgres
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
                    PatientId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Group = table.Column<int>(type: "integer", nullable: false),
                    LatestEventUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SortUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProgramTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Adherence7 = table.Column<int>(type: "integer", nullable: true),
                    Adherence28 = table.Column<int>(type: "integer", nullable: true),
                    LastSession = table.Column<DateOnly>(type: "date", nullable: true),
                    PainLast7 = table.Column<double>(type: "double precision", nullable: true),
                    PainPrevious7 = table.Column<double>(type: "double precision", nullable: true),
                    PainTrend = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OpenFlag = table.Column<bool>(type: "boolean", nullable: false),
                    RisingPain = table.Column<bool>(type: "boolean", nullable: false),
                    StopCue = table.Column<bool>(type: "boolean", nullable: false),
                    LowAdherence = table.Column<bool>(type: "boolean", nullable: false),
                    Quiet = table.Column<bool>(type: "boolean", nullable: false)
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
