using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Breakaway.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TotpLastStep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "TotpLastStep",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TotpLastStep",
                table: "AspNetUsers");
        }
    }
}
