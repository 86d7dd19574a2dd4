using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace School.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecureSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SecureCycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FortnightStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    YearGroups = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecureCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecureCycles_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SecureChoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChosenBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false),
                    Choices = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecureChoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecureChoices_SecureCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "SecureCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SecureChoices_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecurePeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LearningBlockId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AllocatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurePeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecurePeriods_LearningBlocks_LearningBlockId",
                        column: x => x.LearningBlockId,
                        principalTable: "LearningBlocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SecurePeriods_SecureCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "SecureCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecurePlacements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: true),
                    AttendanceRecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AttendanceRecordedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurePlacements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecurePlacements_SecureCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "SecureCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SecurePlacements_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecureRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecureRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecureRequests_SecureCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "SecureCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SecureRequests_StaffMembers_RequestedBy",
                        column: x => x.RequestedBy,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecureRequests_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecureOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TeacherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecureOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecureOffers_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecureOffers_SecurePeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "SecurePeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SecureOffers_StaffMembers_TeacherId",
                        column: x => x.TeacherId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SecureChoices_CycleId",
                table: "SecureChoices",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_SecureChoices_PeriodId_StudentId",
                table: "SecureChoices",
                columns: new[] { "PeriodId", "StudentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecureChoices_StudentId",
                table: "SecureChoices",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_SecureCycles_SchoolId_FortnightStart",
                table: "SecureCycles",
                columns: new[] { "SchoolId", "FortnightStart" });

            migrationBuilder.CreateIndex(
                name: "IX_SecureCycles_SchoolId_Name",
                table: "SecureCycles",
                columns: new[] { "SchoolId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecureOffers_PeriodId",
                table: "SecureOffers",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_SecureOffers_RoomId",
                table: "SecureOffers",
                column: "RoomId");

            migrationBuilder.CreateIndex(
                name: "IX_SecureOffers_TeacherId",
                table: "SecureOffers",
                column: "TeacherId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurePeriods_CycleId",
                table: "SecurePeriods",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurePeriods_LearningBlockId",
                table: "SecurePeriods",
                column: "LearningBlockId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurePlacements_CycleId",
                table: "SecurePlacements",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurePlacements_PeriodId_OfferId",
                table: "SecurePlacements",
                columns: new[] { "PeriodId", "OfferId" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurePlacements_PeriodId_StudentId",
                table: "SecurePlacements",
                columns: new[] { "PeriodId", "StudentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecurePlacements_StudentId",
                table: "SecurePlacements",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_SecureRequests_CycleId",
                table: "SecureRequests",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_SecureRequests_PeriodId_OfferId",
                table: "SecureRequests",
                columns: new[] { "PeriodId", "OfferId" });

            migrationBuilder.CreateIndex(
                name: "IX_SecureRequests_PeriodId_StudentId",
                table: "SecureRequests",
                columns: new[] { "PeriodId", "StudentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecureRequests_RequestedBy",
                table: "SecureRequests",
                column: "RequestedBy");

            migrationBuilder.CreateIndex(
                name: "IX_SecureRequests_StudentId",
                table: "SecureRequests",
                column: "StudentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SecureChoices");

            migrationBuilder.DropTable(
                name: "SecureOffers");

            migrationBuilder.DropTable(
                name: "SecurePlacements");

            migrationBuilder.DropTable(
                name: "SecureRequests");

            migrationBuilder.DropTable(
                name: "SecurePeriods");

            migrationBuilder.DropTable(
                name: "SecureCycles");
        }
    }
}
