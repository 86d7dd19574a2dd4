using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace School.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeerTutoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PeerProgrammes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TutorYearGroups = table.Column<string>(type: "TEXT", nullable: false),
                    TuteeYearGroups = table.Column<string>(type: "TEXT", nullable: false),
                    AllowSameAge = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequiredTraining = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SupervisorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MaxTuteesPerTutor = table.Column<int>(type: "INTEGER", nullable: false),
                    MinutesPerCredit = table.Column<int>(type: "INTEGER", nullable: false),
                    OnlyAttendedSessionsCount = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerProgrammes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerProgrammes_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerProgrammes_StaffMembers_SupervisorId",
                        column: x => x.SupervisorId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeerCreditAwards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TutorStudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Credits = table.Column<int>(type: "INTEGER", nullable: false),
                    CountedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    EndorsedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    EndorsedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PortfolioEntryId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerCreditAwards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerCreditAwards_PeerProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "PeerProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeerPairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TutorStudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TuteeStudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TuteeLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerPairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerPairs_PeerProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "PeerProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PeerPairs_Students_TuteeStudentId",
                        column: x => x.TuteeStudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerPairs_Students_TutorStudentId",
                        column: x => x.TutorStudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeerTutors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NominatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    TrainedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerTutors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerTutors_PeerProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "PeerProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PeerTutors_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeerSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PairId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TutorStudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TuteeAttended = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LoggedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TuteeRating = table.Column<int>(type: "INTEGER", nullable: true),
                    TuteeComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Voided = table.Column<bool>(type: "INTEGER", nullable: false),
                    History = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerSessions_PeerPairs_PairId",
                        column: x => x.PairId,
                        principalTable: "PeerPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PeerCreditAwards_ProgrammeId_TutorStudentId",
                table: "PeerCreditAwards",
                columns: new[] { "ProgrammeId", "TutorStudentId" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerPairs_ProgrammeId_TutorStudentId",
                table: "PeerPairs",
                columns: new[] { "ProgrammeId", "TutorStudentId" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerPairs_TuteeStudentId",
                table: "PeerPairs",
                column: "TuteeStudentId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerPairs_TutorStudentId",
                table: "PeerPairs",
                column: "TutorStudentId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerProgrammes_SchoolId",
                table: "PeerProgrammes",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerProgrammes_SupervisorId",
                table: "PeerProgrammes",
                column: "SupervisorId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerSessions_PairId",
                table: "PeerSessions",
                column: "PairId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerSessions_ProgrammeId_TutorStudentId",
                table: "PeerSessions",
                columns: new[] { "ProgrammeId", "TutorStudentId" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerTutors_ProgrammeId_StudentId",
                table: "PeerTutors",
                columns: new[] { "ProgrammeId", "StudentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerTutors_StudentId",
                table: "PeerTutors",
                column: "StudentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PeerCreditAwards");

            migrationBuilder.DropTable(
                name: "PeerSessions");

            migrationBuilder.DropTable(
                name: "PeerTutors");

            migrationBuilder.DropTable(
                name: "PeerPairs");

            migrationBuilder.DropTable(
                name: "PeerProgrammes");
        }
    }
}
