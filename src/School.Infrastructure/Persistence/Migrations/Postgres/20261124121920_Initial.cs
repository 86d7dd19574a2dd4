using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace School.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InnovationLeads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InnovationLeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EmailTo = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true, collation: "C"),
                    EmailStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EmailAttempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EmailSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Partnerships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnerships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicyAreas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyAreas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrustedPassportKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    IssuerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    PublicKeyPem = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    AddedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustedPassportKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Schools",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Schools_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InnovationProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    PolicyAreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerAgency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: true),
                    NetworkSchoolIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    Phase = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Step = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    CriteriaToSelect = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "AcademicYears",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    CycleWeeks = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Closures = table.Column<string>(type: "jsonb", nullable: true),
                    HalfTerms = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AcademicYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AcademicYears_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChallengeMenus",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    YearGroups = table.Column<int[]>(type: "integer[]", nullable: false),
                    OpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChoicesRequired = table.Column<int>(type: "integer", nullable: false),
                    OpenDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "CheckInPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MinCheckInsPerHalfTerm = table.Column<int>(type: "integer", nullable: false),
                    MinMinutes = table.Column<int>(type: "integer", nullable: false),
                    RemindDaysAhead = table.Column<int>(type: "integer", nullable: false),
                    MinutesPerMenteePerWeek = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckInPolicies_Schools_Id",
                        column: x => x.Id,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DayWindows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    AutoApprove = table.Column<bool>(type: "boolean", nullable: false),
                    YearGroups = table.Column<int[]>(type: "integer[]", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DayWindows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DayWindows_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Guardians",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true, collation: "C"),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Guardians", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Guardians_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Mentors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WeeklyAllowanceMinutes = table.Column<int>(type: "integer", nullable: false),
                    SupervisorId = table.Column<Guid>(type: "uuid", nullable: true),
                    TrainedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mentors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mentors_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Rooms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Setting = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rooms_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SecureCycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    FortnightStart = table.Column<DateOnly>(type: "date", nullable: false),
                    YearGroups = table.Column<int[]>(type: "integer[]", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "StaffMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "C"),
                    Roles = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMembers_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TeachingGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    Level = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    StudentIds = table.Column<Guid[]>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeachingGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeachingGroups_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UserAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false, collation: "C"),
                    NormalisedEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false, collation: "C"),
                    PasswordHash = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    PersonKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: true),
                    FailedSignInCount = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSignedInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserAccounts_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UserAccounts_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ideas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true, collation: "C"),
                    Scores = table.Column<int[]>(type: "integer[]", nullable: false),
                    Change = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Distance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HorizonNotes = table.Column<string>(type: "text", nullable: false)
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
                name: "Challenge",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MenuId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    TeamMin = table.Column<int>(type: "integer", nullable: false),
                    TeamMax = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    CoachIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    CommunityPartner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    NeedsGuardianConsent = table.Column<bool>(type: "boolean", nullable: false),
                    YearGroups = table.Column<int[]>(type: "integer[]", nullable: false)
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
                name: "ChallengeTeams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MenuId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    MemberIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    Milestones = table.Column<string>(type: "text", nullable: false),
                    ShowcaseAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "PeerProgrammes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    TutorYearGroups = table.Column<int[]>(type: "integer[]", nullable: false),
                    TuteeYearGroups = table.Column<int[]>(type: "integer[]", nullable: false),
                    AllowSameAge = table.Column<bool>(type: "boolean", nullable: false),
                    RequiredTraining = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    SupervisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    MaxTuteesPerTutor = table.Column<int>(type: "integer", nullable: false),
                    MinutesPerCredit = table.Column<int>(type: "integer", nullable: false),
                    OnlyAttendedSessionsCount = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "StaffShifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleWeek = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffShifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffShifts_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Students",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    PupilNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    PreferredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    YearGroup = table.Column<int>(type: "integer", nullable: false),
                    PersonalTutorId = table.Column<Guid>(type: "uuid", nullable: true),
                    MentorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Students", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Students_Mentors_MentorId",
                        column: x => x.MentorId,
                        principalTable: "Mentors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Students_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Students_StaffMembers_PersonalTutorId",
                        column: x => x.PersonalTutorId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LearningBlocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    StudentIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    StaffIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: true),
                    CycleWeek = table.Column<int>(type: "integer", nullable: true),
                    Day = table.Column<int>(type: "integer", nullable: true),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ToDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    IsJoint = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningBlocks_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LearningBlocks_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LearningBlocks_TeachingGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "TeachingGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarFeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarFeeds_UserAccounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FieldTrials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdeaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    SchoolIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    ResourceDomains = table.Column<string>(type: "text", nullable: false),
                    LeadPractitioner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    BaselineStrandsRequired = table.Column<int>(type: "integer", nullable: false),
                    Baseline = table.Column<string>(type: "text", nullable: false),
                    Indicators = table.Column<string>(type: "text", nullable: false),
                    Support = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    History = table.Column<string>(type: "text", nullable: false),
                    Evaluation = table.Column<string>(type: "text", nullable: true),
                    PracticeNote = table.Column<string>(type: "text", nullable: true),
                    AdoptedFromTrialId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "PeerCreditAwards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    TutorStudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Credits = table.Column<int>(type: "integer", nullable: false),
                    CountedMinutes = table.Column<int>(type: "integer", nullable: false),
                    EndorsedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    EndorsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PortfolioEntryId = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "ChallengePlacements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MenuId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MenuId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RankedChallengeIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorId = table.Column<Guid>(type: "uuid", nullable: false),
                    HalfTermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    HalfTermEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SuggestedStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HeldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Minutes = table.Column<int>(type: "integer", nullable: true),
                    Counts = table.Column<bool>(type: "boolean", nullable: false),
                    PrivateNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true, collation: "C"),
                    StudentSummary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    GuardianAttended = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckIns_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuardianLinks",
                columns: table => new
                {
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuardianId = table.Column<Guid>(type: "uuid", nullable: false),
                    Relationship = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    HasParentalResponsibility = table.Column<bool>(type: "boolean", nullable: false),
                    AccessAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    AccessStoppedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuardianLinks", x => new { x.StudentId, x.GuardianId });
                    table.ForeignKey(
                        name: "FK_GuardianLinks_Guardians_GuardianId",
                        column: x => x.GuardianId,
                        principalTable: "Guardians",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuardianLinks_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportedPassports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    KeyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ImportedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedPassports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedPassports_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LearningPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AcademicYear = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Versions = table.Column<string>(type: "text", nullable: false),
                    Comments = table.Column<string>(type: "text", nullable: false),
                    Reviews = table.Column<string>(type: "text", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningPlans_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentorAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    AssignedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorAssignments_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentoringEscalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorId = table.Column<Guid>(type: "uuid", nullable: false),
                    HalfTermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringEscalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringEscalations_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MentoringPreferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    RankedMentorIds = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    NoPreference = table.Column<bool>(type: "boolean", nullable: false),
                    GuardianMayAttend = table.Column<bool>(type: "boolean", nullable: false),
                    RankedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringPreferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringPreferences_Students_Id",
                        column: x => x.Id,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeerPairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    TutorStudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    TuteeStudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    TuteeLevel = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NominatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    TrainedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "PortfolioEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Reflection = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Subjects = table.Column<string[]>(type: "text[]", nullable: false),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ShowcaseOrder = table.Column<int>(type: "integer", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndorsedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    EndorsedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    EndorsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortfolioEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortfolioEntries_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PortfolioEntries_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecureChoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChosenBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ChosenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Choices = table.Column<string>(type: "jsonb", nullable: true)
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
                name: "SecurePlacements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    PlacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: true),
                    AttendanceRecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    AttendanceRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "WindowEnrolments",
                columns: table => new
                {
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DayWindowId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WindowEnrolments", x => new { x.DayWindowId, x.StudentId });
                    table.ForeignKey(
                        name: "FK_WindowEnrolments_DayWindows_DayWindowId",
                        column: x => x.DayWindowId,
                        principalTable: "DayWindows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WindowEnrolments_Students_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecurePeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    LearningBlockId = table.Column<Guid>(type: "uuid", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AllocatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "PeerSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PairId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    TutorStudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    TuteeAttended = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    LoggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TuteeRating = table.Column<int>(type: "integer", nullable: true),
                    TuteeComment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    Voided = table.Column<bool>(type: "boolean", nullable: false),
                    History = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "PortfolioEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    StoragePath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    PortfolioEntryId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortfolioEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortfolioEvidence_PortfolioEntries_PortfolioEntryId",
                        column: x => x.PortfolioEntryId,
                        principalTable: "PortfolioEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecureOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "IX_AcademicYears_SchoolId_Name",
                table: "AcademicYears",
                columns: new[] { "SchoolId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_AccountId",
                table: "CalendarFeeds",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_TokenHash",
                table: "CalendarFeeds",
                column: "TokenHash",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_MentorId_Status",
                table: "CheckIns",
                columns: new[] { "MentorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_SchoolId_Status_DueOn",
                table: "CheckIns",
                columns: new[] { "SchoolId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_StudentId_HalfTermStart_Sequence",
                table: "CheckIns",
                columns: new[] { "StudentId", "HalfTermStart", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DayWindows_SchoolId_Name",
                table: "DayWindows",
                columns: new[] { "SchoolId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FieldTrials_IdeaId",
                table: "FieldTrials",
                column: "IdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_FieldTrials_ProjectId",
                table: "FieldTrials",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_GuardianLinks_GuardianId",
                table: "GuardianLinks",
                column: "GuardianId");

            migrationBuilder.CreateIndex(
                name: "IX_Guardians_SchoolId",
                table: "Guardians",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ProjectId",
                table: "Ideas",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedPassports_StudentId_Sha256",
                table: "ImportedPassports",
                columns: new[] { "StudentId", "Sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InnovationProjects_LeadId",
                table: "InnovationProjects",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_InnovationProjects_PolicyAreaId",
                table: "InnovationProjects",
                column: "PolicyAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningBlocks_GroupId",
                table: "LearningBlocks",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningBlocks_RoomId",
                table: "LearningBlocks",
                column: "RoomId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningBlocks_SchoolId",
                table: "LearningBlocks",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningPlans_StudentId_AcademicYear",
                table: "LearningPlans",
                columns: new[] { "StudentId", "AcademicYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentorAssignments_MentorId",
                table: "MentorAssignments",
                column: "MentorId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorAssignments_StudentId",
                table: "MentorAssignments",
                column: "StudentId",
                unique: true,
                filter: "\"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MentorAssignments_StudentId_StartedAt",
                table: "MentorAssignments",
                columns: new[] { "StudentId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MentoringEscalations_SchoolId",
                table: "MentoringEscalations",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringEscalations_StudentId_HalfTermStart",
                table: "MentoringEscalations",
                columns: new[] { "StudentId", "HalfTermStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MentoringPreferences_SchoolId",
                table: "MentoringPreferences",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_SchoolId",
                table: "Mentors",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_EmailStatus_NextAttemptAt",
                table: "Notifications",
                columns: new[] { "EmailStatus", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Key",
                table: "Notifications",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientId_CreatedAt",
                table: "Notifications",
                columns: new[] { "RecipientId", "CreatedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_PolicyAreas_Name",
                table: "PolicyAreas",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioEntries_SchoolId",
                table: "PortfolioEntries",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioEntries_StudentId_Date",
                table: "PortfolioEntries",
                columns: new[] { "StudentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioEvidence_PortfolioEntryId",
                table: "PortfolioEvidence",
                column: "PortfolioEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_SchoolId_Name",
                table: "Rooms",
                columns: new[] { "SchoolId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Schools_PartnershipId",
                table: "Schools",
                column: "PartnershipId");

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

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_SchoolId_FamilyName_GivenName",
                table: "StaffMembers",
                columns: new[] { "SchoolId", "FamilyName", "GivenName" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffShifts_SchoolId_StaffMemberId",
                table: "StaffShifts",
                columns: new[] { "SchoolId", "StaffMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffShifts_StaffMemberId",
                table: "StaffShifts",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Students_MentorId",
                table: "Students",
                column: "MentorId");

            migrationBuilder.CreateIndex(
                name: "IX_Students_PersonalTutorId",
                table: "Students",
                column: "PersonalTutorId");

            migrationBuilder.CreateIndex(
                name: "IX_Students_SchoolId_FamilyName_GivenName",
                table: "Students",
                columns: new[] { "SchoolId", "FamilyName", "GivenName" });

            migrationBuilder.CreateIndex(
                name: "IX_Students_SchoolId_Id",
                table: "Students",
                columns: new[] { "SchoolId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Students_SchoolId_PupilNumber",
                table: "Students",
                columns: new[] { "SchoolId", "PupilNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeachingGroups_SchoolId_Name",
                table: "TeachingGroups",
                columns: new[] { "SchoolId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrustedPassportKeys_SchoolId_KeyId",
                table: "TrustedPassportKeys",
                columns: new[] { "SchoolId", "KeyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_NormalisedEmail",
                table: "UserAccounts",
                column: "NormalisedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_PartnershipId",
                table: "UserAccounts",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_PersonId",
                table: "UserAccounts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_PersonKind_PersonId",
                table: "UserAccounts",
                columns: new[] { "PersonKind", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_SchoolId",
                table: "UserAccounts",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_WindowEnrolments_StudentId",
                table: "WindowEnrolments",
                column: "StudentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AcademicYears");

            migrationBuilder.DropTable(
                name: "CalendarFeeds");

            migrationBuilder.DropTable(
                name: "Challenge");

            migrationBuilder.DropTable(
                name: "ChallengePlacements");

            migrationBuilder.DropTable(
                name: "ChallengePreferences");

            migrationBuilder.DropTable(
                name: "ChallengeTeams");

            migrationBuilder.DropTable(
                name: "CheckInPolicies");

            migrationBuilder.DropTable(
                name: "CheckIns");

            migrationBuilder.DropTable(
                name: "FieldTrials");

            migrationBuilder.DropTable(
                name: "GuardianLinks");

            migrationBuilder.DropTable(
                name: "ImportedPassports");

            migrationBuilder.DropTable(
                name: "InnovationLeads");

            migrationBuilder.DropTable(
                name: "LearningPlans");

            migrationBuilder.DropTable(
                name: "MentorAssignments");

            migrationBuilder.DropTable(
                name: "MentoringEscalations");

            migrationBuilder.DropTable(
                name: "MentoringPreferences");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "PeerCreditAwards");

            migrationBuilder.DropTable(
                name: "PeerSessions");

            migrationBuilder.DropTable(
                name: "PeerTutors");

            migrationBuilder.DropTable(
                name: "PortfolioEvidence");

            migrationBuilder.DropTable(
                name: "SecureChoices");

            migrationBuilder.DropTable(
                name: "SecureOffers");

            migrationBuilder.DropTable(
                name: "SecurePlacements");

            migrationBuilder.DropTable(
                name: "SecureRequests");

            migrationBuilder.DropTable(
                name: "StaffShifts");

            migrationBuilder.DropTable(
                name: "TrustedPassportKeys");

            migrationBuilder.DropTable(
                name: "WindowEnrolments");

            migrationBuilder.DropTable(
                name: "UserAccounts");

            migrationBuilder.DropTable(
                name: "ChallengeMenus");

            migrationBuilder.DropTable(
                name: "Ideas");

            migrationBuilder.DropTable(
                name: "Guardians");

            migrationBuilder.DropTable(
                name: "PeerPairs");

            migrationBuilder.DropTable(
                name: "PortfolioEntries");

            migrationBuilder.DropTable(
                name: "SecurePeriods");

            migrationBuilder.DropTable(
                name: "DayWindows");

            migrationBuilder.DropTable(
                name: "InnovationProjects");

            migrationBuilder.DropTable(
                name: "PeerProgrammes");

            migrationBuilder.DropTable(
                name: "Students");

            migrationBuilder.DropTable(
                name: "LearningBlocks");

            migrationBuilder.DropTable(
                name: "SecureCycles");

            migrationBuilder.DropTable(
                name: "PolicyAreas");

            migrationBuilder.DropTable(
                name: "Mentors");

            migrationBuilder.DropTable(
                name: "StaffMembers");

            migrationBuilder.DropTable(
                name: "Rooms");

            migrationBuilder.DropTable(
                name: "TeachingGroups");

            migrationBuilder.DropTable(
                name: "Schools");

            migrationBuilder.DropTable(
                name: "Partnerships");
        }
    }
}
