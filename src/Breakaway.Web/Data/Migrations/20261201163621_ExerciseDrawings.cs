using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Breakaway.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExerciseDrawings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Drawing",
                table: "Exercises",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Drawing",
                table: "Exercises");
        }
    }
}
