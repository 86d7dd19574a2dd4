using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Calendars;
using School.Domain.Schools;
using School.Domain.Staff;
using School.Domain.Students;
using School.Domain.Timetabling;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Infrastructure.Persistence;

/// <summary>
/// The model, shared by every database provider. Each provider has a derived context with its own migrations
/// (see docs/adr/0003), so one model serves SQLite on one machine and, later, PostgreSQL for a trust.
/// </summary>
public abstract class SchoolDbContext(DbContextOptions options) : DbContext(options), IApplicationDbContext
{
    public DbSet<Partnership> Partnerships => Set<Partnership>();

    public DbSet<SchoolEntity> Schools => Set<SchoolEntity>();

    public DbSet<Student> Students => Set<Student>();

    public DbSet<Guardian> Guardians => Set<Guardian>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<UserAccount> UserAccounts => Set<UserAccount>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<AcademicYear> AcademicYears => Set<AcademicYear>();

    public DbSet<DayWindow> DayWindows => Set<DayWindow>();

    public DbSet<StaffShift> StaffShifts => Set<StaffShift>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<TeachingGroup> TeachingGroups => Set<TeachingGroup>();

    public DbSet<LearningBlock> LearningBlocks => Set<LearningBlock>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<School.Domain.LearningPlans.LearningPlan> LearningPlans => Set<School.Domain.LearningPlans.LearningPlan>();

    public DbSet<School.Domain.LearningPlans.PlanComment> PlanComments => Set<School.Domain.LearningPlans.PlanComment>();

    public DbSet<School.Domain.Portfolios.PortfolioEntry> PortfolioEntries => Set<School.Domain.Portfolios.PortfolioEntry>();

    public DbSet<School.Domain.Passports.ImportedPassport> ImportedPassports => Set<School.Domain.Passports.ImportedPassport>();

    public DbSet<School.Domain.Passports.TrustedPassportKey> TrustedPassportKeys => Set<School.Domain.Passports.TrustedPassportKey>();

    public DbSet<School.Domain.Mentoring.Mentor> Mentors => Set<School.Domain.Mentoring.Mentor>();

    public DbSet<School.Domain.Mentoring.MentorAssignment> MentorAssignments => Set<School.Domain.Mentoring.MentorAssignment>();

    public DbSet<School.Domain.Mentoring.MentoringPreference> MentoringPreferences => Set<School.Domain.Mentoring.MentoringPreference>();

    public DbSet<School.Domain.Mentoring.CheckInPolicy> CheckInPolicies => Set<School.Domain.Mentoring.CheckInPolicy>();

    public DbSet<School.Domain.Mentoring.CheckIn> CheckIns => Set<School.Domain.Mentoring.CheckIn>();

    public DbSet<School.Domain.Mentoring.MentoringEscalation> MentoringEscalations => Set<School.Domain.Mentoring.MentoringEscalation>();

    public DbSet<School.Domain.Notifications.Notification> Notifications => Set<School.Domain.Notifications.Notification>();

    public DbSet<School.Domain.Challenges.ChallengeMenu> ChallengeMenus => Set<School.Domain.Challenges.ChallengeMenu>();

    public DbSet<School.Domain.Challenges.ChallengePreference> ChallengePreferences => Set<School.Domain.Challenges.ChallengePreference>();

    public DbSet<School.Domain.Challenges.ChallengePlacement> ChallengePlacements => Set<School.Domain.Challenges.ChallengePlacement>();

    public DbSet<School.Domain.Challenges.ChallengeTeam> ChallengeTeams => Set<School.Domain.Challenges.ChallengeTeam>();

    public DbSet<School.Domain.Secure.SecureCycle> SecureCycles => Set<School.Domain.Secure.SecureCycle>();

    public DbSet<School.Domain.Secure.SecureChoice> SecureChoices => Set<School.Domain.Secure.SecureChoice>();

    public DbSet<School.Domain.Secure.SecureRequest> SecureRequests => Set<School.Domain.Secure.SecureRequest>();

    public DbSet<School.Domain.Secure.SecurePlacement> SecurePlacements => Set<School.Domain.Secure.SecurePlacement>();

    public DbSet<School.Domain.PeerTutoring.PeerProgramme> PeerProgrammes => Set<School.Domain.PeerTutoring.PeerProgramme>();

    public DbSet<School.Domain.PeerTutoring.PeerTutor> PeerTutors => Set<School.Domain.PeerTutoring.PeerTutor>();

    public DbSet<School.Domain.PeerTutoring.PeerPair> PeerPairs => Set<School.Domain.PeerTutoring.PeerPair>();

    public DbSet<School.Domain.PeerTutoring.PeerSession> PeerSessions => Set<School.Domain.PeerTutoring.PeerSession>();

    public DbSet<School.Domain.PeerTutoring.PeerCreditAward> PeerCreditAwards => Set<School.Domain.PeerTutoring.PeerCreditAward>();

    public DbSet<School.Domain.Innovation.PolicyArea> PolicyAreas => Set<School.Domain.Innovation.PolicyArea>();

    public DbSet<School.Domain.Innovation.InnovationLead> InnovationLeads => Set<School.Domain.Innovation.InnovationLead>();

    public DbSet<School.Domain.Innovation.InnovationProject> InnovationProjects => Set<School.Domain.Innovation.InnovationProject>();

    public DbSet<School.Domain.Innovation.Idea> Ideas => Set<School.Domain.Innovation.Idea>();

    public DbSet<School.Domain.Innovation.FieldTrial> FieldTrials => Set<School.Domain.Innovation.FieldTrial>();

    public void ClearTracked() => ChangeTracker.Clear();

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        // Changes are detected once, here, for the check below and the save alike.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
        }

        ChangeTracker.AutoDetectChangesEnabled = false;
        var newStamps = AccountsWithNewStamps();
        try
        {
            RefuseNulCharacters();
            ForgetStamps(newStamps);
            var saved = await base.SaveChangesAsync(cancellationToken);
            // Again after the commit, so a request that read the old stamp meanwhile does not keep it cached.
            ForgetStamps(newStamps);
            return saved;
        }
        catch (DbUpdateException ex) when (UniqueIndexName(ex) is { } index)
        {
            throw new UniqueConstraintViolationException(UniqueIndexes.Describe(index), ex);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private List<Guid> AccountsWithNewStamps() => ChangeTracker.Entries<UserAccount>()
        .Where(e => e.State == EntityState.Deleted
            || (e.State == EntityState.Modified && (e.Property(a => a.SecurityStamp).IsModified || e.Property(a => a.LockedAt).IsModified)))
        .Select(e => e.Entity.Id)
        .ToList();

    private void ForgetStamps(List<Guid> accountIds)
    {
        if (accountIds.Count == 0)
        {
            return;
        }

        var stamps = this.GetService<Identity.SecurityStamps>();
        foreach (var id in accountIds)
        {
            stamps.Forget(id);
        }
    }

    /// <summary>
    /// The last line of defence for the rule the API enforces on input: PostgreSQL cannot store U+0000 in text, so a value
    /// that got past the API some other way (a file name, say) is refused here, as a validation failure naming the
    /// property, on every provider alike, before anything is written.
    /// </summary>
    private void RefuseNulCharacters()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var values = entry.CurrentValues;
            foreach (var property in entry.Metadata.GetProperties())
            {
                if (property.ClrType == typeof(string) && values[property] is string text && text.Contains('\0', StringComparison.Ordinal)
                    && (entry.State == EntityState.Added || entry.Property(property.Name).IsModified))
                {
                    var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
                    throw new FluentValidation.ValidationException(
                        [new FluentValidation.Results.ValidationFailure(name, "The value may not contain the NUL character (U+0000).")]);
                }
            }
        }
    }

    /// <summary>The name of the unique index a failed save broke, or null when the failure was something else.</summary>
    protected abstract string? UniqueIndexName(DbUpdateException exception);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SchoolDbContext).Assembly);
}

/// <summary>The unique indexes of the model and what a user is told when a change would break one.</summary>
public static class UniqueIndexes
{
    public const string StudentPupilNumber = "IX_Students_SchoolId_PupilNumber";
    public const string AccountEmail = "IX_UserAccounts_NormalisedEmail";
    public const string AcademicYearName = "IX_AcademicYears_SchoolId_Name";
    public const string WindowName = "IX_DayWindows_SchoolId_Name";
    public const string OneWindowPerStudent = "IX_WindowEnrolments_StudentId";
    public const string RoomName = "IX_Rooms_SchoolId_Name";
    public const string GroupName = "IX_TeachingGroups_SchoolId_Name";
    public const string PlanPerYear = "IX_LearningPlans_StudentId_AcademicYear";
    public const string PassportOnce = "IX_ImportedPassports_StudentId_Sha256";
    public const string TrustedKeyOnce = "IX_TrustedPassportKeys_SchoolId_KeyId";
    public const string PolicyAreaName = "IX_PolicyAreas_Name";
    public const string PeerTutorOnce = "IX_PeerTutors_ProgrammeId_StudentId";
    public const string OneCurrentMentor = "IX_MentorAssignments_StudentId";
    public const string CheckInOnce = "IX_CheckIns_StudentId_HalfTermStart_Sequence";
    public const string EscalationOnce = "IX_MentoringEscalations_StudentId_HalfTermStart";
    public const string NotificationOnce = "IX_Notifications_Key";
    public const string ChallengePreferenceOnce = "IX_ChallengePreferences_MenuId_StudentId";
    public const string ChallengePlacementOnce = "IX_ChallengePlacements_MenuId_StudentId";

    public const string SecureCycleName = "IX_SecureCycles_SchoolId_Name";
    public const string SecureChoiceOnce = "IX_SecureChoices_PeriodId_StudentId";
    public const string SecureRequestOnce = "IX_SecureRequests_PeriodId_StudentId";
    public const string SecurePlacementOnce = "IX_SecurePlacements_PeriodId_StudentId";

    public static string Describe(string indexName) => indexName switch
    {
        StudentPupilNumber => "Another student at this school already has that pupil number.",
        AccountEmail => "An account with that email already exists.",
        AcademicYearName => "This school already has an academic year with that name.",
        WindowName => "This school already has a day window with that name.",
        OneWindowPerStudent => "The student is already in another window; a student belongs to one window at a time.",
        RoomName => "This school already has a room with that name.",
        GroupName => "This school already has a group with that name.",
        PlanPerYear => "The student already has a learning plan for that academic year.",
        PassportOnce => "That passport has already been imported for this student.",
        TrustedKeyOnce => "The school already trusts that key.",
        PolicyAreaName => "A policy area with that name already exists.",
        PeerTutorOnce => "That pupil has already applied to tutor on this programme.",
        OneCurrentMentor => "The student's mentor was changed by someone else at the same time; try again.",
        CheckInOnce => "That check-in already exists.",
        EscalationOnce => "That student has already been escalated this half term.",
        NotificationOnce => "That notification already exists.",
        ChallengePreferenceOnce => "The pupil's choices were saved by someone else at the same time; try again.",
        ChallengePlacementOnce => "The menu's allocation was published by someone else at the same time.",
        SecureCycleName => "This school already has a SECURE cycle with that name.",
        SecureChoiceOnce => "The student's choices for this period were saved by someone else at the same time; try again.",
        SecureRequestOnce => "This student was requested for this period by someone else at the same time.",
        SecurePlacementOnce => "This period was allocated by someone else at the same time.",
        _ => "A record with the same unique values already exists.",
    };
}
