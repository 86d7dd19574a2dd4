using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace School.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Innovation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InnovationLeads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InnovationLeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicyAreas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyAreas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InnovationProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PolicyAreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerAgency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NetworkSchoolIds = table.Column<string>(type: "TEXT", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CriteriaToSelect = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InnovationProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InnovationProjects_PolicyAreas_PolicyAreaId",
                        column: x => x.PolicyAreaId,
                        principalTable: "PolicyAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ideas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Scores = table.Column<string>(type: "TEXT", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Distance = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HorizonNotes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ideas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ideas_InnovationProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "InnovationProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FieldTrials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdeaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SchoolIds = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceDomains = table.Column<string>(type: "TEXT", nullable: false),
                    LeadPractitioner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BaselineStrandsRequired = table.Column<int>(type: "INTEGER", nullable: false),
                    Baseline = table.Column<string>(type: "TEXT", nullable: false),
                    Indicators = table.Column<string>(type: "TEXT", nullable: false),
                    Support = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    History = table.Column<string>(type: "TEXT", nullable: false),
                    Evaluation = table.Column<string>(type: "TEXT", nullable: true),
                    PracticeNote = table.Column<string>(type: "TEXT", nullable: true),
                    AdoptedFromTrialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldTrials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldTrials_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FieldTrials_InnovationProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "InnovationProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FieldTrials_IdeaId",
                table: "FieldTrials",
                column: "IdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_FieldTrials_ProjectId",
                table: "FieldTrials",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ProjectId",
                table: "Ideas",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_InnovationProjects_LeadId",
                table: "InnovationProjects",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_InnovationProjects_PolicyAreaId",
                table: "InnovationProjects",
                column: "PolicyAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyAreas_Name",
                table: "PolicyAreas",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FieldTrials");

            migrationBuilder.DropTable(
                name: "InnovationLeads");

            migrationBuilder.DropTable(
                name: "Ideas");

            migrationBuilder.DropTable(
                name: "InnovationProjects");

            migrationBuilder.DropTable(
                name: "PolicyAreas");
        }
    }
}
