using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace School.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SweepIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_PersonId",
                table: "UserAccounts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Students_SchoolId_Id",
                table: "Students",
                columns: new[] { "SchoolId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserAccounts_PersonId",
                table: "UserAccounts");

            migrationBuilder.DropIndex(
                name: "IX_Students_SchoolId_Id",
                table: "Students");
        }
    }
}
