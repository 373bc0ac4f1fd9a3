using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Breakaway.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Exercises",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BodyRegion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartingPosition = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    HoldAt = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SideName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Equipment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FormCues = table.Column<string>(type: "TEXT", nullable: false),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DefaultHoldSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultPerSide = table.Column<bool>(type: "INTEGER", nullable: false),
                    DefaultReps = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultRestSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultSets = table.Column<int>(type: "INTEGER", nullable: false),
                    DefaultTimesPerWeek = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exercises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExerciseProgressions",
                columns: table => new
                {
                    EasierId = table.Column<int>(type: "INTEGER", nullable: false),
                    HarderId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExerciseProgressions", x => new { x.EasierId, x.HarderId });
                    table.CheckConstraint("CK_ExerciseProgression_NotSelf", "\"EasierId\" <> \"HarderId\"");
                    table.ForeignKey(
                        name: "FK_ExerciseProgressions_Exercises_EasierId",
                        column: x => x.EasierId,
                        principalTable: "Exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExerciseProgressions_Exercises_HarderId",
                        column: x => x.HarderId,
                        principalTable: "Exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StopCues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExerciseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsPain = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StopCues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StopCues_Exercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "Exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExerciseProgressions_HarderId",
                table: "ExerciseProgressions",
                column: "HarderId");

            migrationBuilder.CreateIndex(
                name: "IX_Exercises_IsPublic_IsArchived_Category",
                table: "Exercises",
                columns: new[] { "IsPublic", "IsArchived", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_Exercises_Slug",
                table: "Exercises",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StopCues_ExerciseId_Order",
                table: "StopCues",
                columns: new[] { "ExerciseId", "Order" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExerciseProgressions");

            migrationBuilder.DropTable(
                name: "StopCues");

            migrationBuilder.DropTable(
                name: "Exercises");
        }
    }
}
