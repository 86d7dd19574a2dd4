using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace School.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Challenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChallengeMenus",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    YearGroups = table.Column<string>(type: "TEXT", nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChoicesRequired = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeMenus", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengeMenus_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Challenge",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenuId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TeamMin = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamMax = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    CoachIds = table.Column<string>(type: "TEXT", nullable: false),
                    CommunityPartner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NeedsGuardianConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    YearGroups = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Challenge", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Challenge_ChallengeMenus_MenuId",
                        column: x => x.MenuId,
                        principalTable: "ChallengeMenus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChallengePlacements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenuId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengePlacements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengePlacements_ChallengeMenus_MenuId",
                        column: x => x.MenuId,
                        principalTable: "ChallengeMenus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChallengePlacements_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChallengePreferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenuId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RankedChallengeIds = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengePreferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengePreferences_ChallengeMenus_MenuId",
                        column: x => x.MenuId,
                        principalTable: "ChallengeMenus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChallengePreferences_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChallengeTeams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenuId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MemberIds = table.Column<string>(type: "TEXT", nullable: false),
                    Milestones = table.Column<string>(type: "TEXT", nullable: false),
                    ShowcaseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengeTeams_ChallengeMenus_MenuId",
                        column: x => x.MenuId,
                        principalTable: "ChallengeMenus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Challenge_MenuId",
                table: "Challenge",
                column: "MenuId");

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeMenus_SchoolId",
                table: "ChallengeMenus",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_ChallengePlacements_ChallengeId",
                table: "ChallengePlacements",
                column: "ChallengeId");

            migrationBuilder.CreateIndex(
                name: "IX_ChallengePlacements_MenuId_StudentId",
                table: "ChallengePlacements",
                columns: new[] { "MenuId", "StudentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChallengePlacements_StudentId",
                table: "ChallengePlacements",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_ChallengePreferences_MenuId_StudentId",
                table: "ChallengePreferences",
                columns: new[] { "MenuId", "StudentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChallengePreferences_StudentId",
                table: "ChallengePreferences",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeTeams_MenuId_ChallengeId",
                table: "ChallengeTeams",
                columns: new[] { "MenuId", "ChallengeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Challenge");

            migrationBuilder.DropTable(
                name: "ChallengePlacements");

            migrationBuilder.DropTable(
                name: "ChallengePreferences");

            migrationBuilder.DropTable(
                name: "ChallengeTeams");

            migrationBuilder.DropTable(
                name: "ChallengeMenus");
        }
    }
}
