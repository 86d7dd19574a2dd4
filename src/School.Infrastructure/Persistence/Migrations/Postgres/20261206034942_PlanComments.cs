using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace School.Infrastructure.Persistence.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false, collation: "C"),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            // Comments kept so far as JSON in the plan's row become rows of their own.
            migrationBuilder.Sql("""
                INSERT INTO "PlanComments" ("Id", "PlanId", "PersonId", "Name", "Text", "At")
                SELECT
                    gen_random_uuid(),
                    p."Id",
                    (c ->> 'personId')::uuid,
                    left(trim(c ->> 'name'), 250),
                    left(trim(c ->> 'text'), 2000),
                    (c ->> 'at')::timestamptz
                FROM "LearningPlans" AS p
                CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN p."Comments" LIKE '[%' THEN p."Comments"::jsonb ELSE '[]'::jsonb END) AS c;
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
                type: "text",
                nullable: false,
                defaultValue: "[]"); // comments are not carried back: the plan starts again with none
        }
    }
}
