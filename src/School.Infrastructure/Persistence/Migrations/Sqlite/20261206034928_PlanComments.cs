using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace School.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanComments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlanComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanComments_LearningPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "LearningPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanComments_PlanId_At_Id",
                table: "PlanComments",
                columns: new[] { "PlanId", "At", "Id" });

            // Comments kept so far as JSON in the plan's row become rows of their own. A Guid is upper-case text; a time is
            // the sortable binary of its UTC instant (DateTimeOffsetToBinaryConverter: 100-µs units << 11, offset 0), i.e.
            // milliseconds since 0001-01-01 × 20480.
            migrationBuilder.Sql("""
                INSERT INTO "PlanComments" ("Id", "PlanId", "PersonId", "Name", "Text", "At")
                SELECT
                    hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)),
                    p."Id",
                    upper(json_extract(c.value, '$.personId')),
                    substr(trim(json_extract(c.value, '$.name')), 1, 250),
                    substr(trim(json_extract(c.value, '$.text')), 1, 2000),
                    CAST(round((julianday(json_extract(c.value, '$.at')) - 1721425.5) * 86400000.0) AS INTEGER) * 20480
                FROM "LearningPlans" AS p, json_each(p."Comments") AS c
                WHERE json_valid(p."Comments");
                """);

            migrationBuilder.DropColumn(
                name: "Comments",
                table: "LearningPlans");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanComments");

            migrationBuilder.AddColumn<string>(
                name: "Comments",
                table: "LearningPlans",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]"); // comments are not carried back: the plan starts again with none
        }
    }
}
