using Microsoft.EntityFrameworkCore;
using School.Domain.Accounts;
using School.Domain.Calendars;
using School.Domain.Schools;
using School.Domain.Staff;
using School.Domain.Students;
using School.Domain.Timetabling;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Application.Common.Abstractions;

/// <summary>The unit of work handlers use directly (no repository layer): query with LINQ, project to DTOs, save once.</summary>
public interface IApplicationDbContext
{
    DbSet<Partnership> Partnerships { get; }

    DbSet<SchoolEntity> Schools { get; }

    DbSet<Student> Students { get; }

    DbSet<Guardian> Guardians { get; }

    DbSet<StaffMember> StaffMembers { get; }

    DbSet<UserAccount> UserAccounts { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<AcademicYear> AcademicYears { get; }

    DbSet<DayWindow> DayWindows { get; }

    DbSet<StaffShift> StaffShifts { get; }

    DbSet<Room> Rooms { get; }

    DbSet<TeachingGroup> TeachingGroups { get; }

    DbSet<LearningBlock> LearningBlocks { get; }

    DbSet<CalendarFeed> CalendarFeeds { get; }

    DbSet<School.Domain.LearningPlans.LearningPlan> LearningPlans { get; }

    DbSet<School.Domain.LearningPlans.PlanComment> PlanComments { get; }

    DbSet<School.Domain.Portfolios.PortfolioEntry> PortfolioEntries { get; }

    DbSet<School.Domain.Passports.ImportedPassport> ImportedPassports { get; }

    DbSet<School.Domain.Passports.TrustedPassportKey> TrustedPassportKeys { get; }

    DbSet<School.Domain.Mentoring.Mentor> Mentors { get; }

    DbSet<School.Domain.Mentoring.MentorAssignment> MentorAssignments { get; }

    DbSet<School.Domain.Mentoring.MentoringPreference> MentoringPreferences { get; }

    DbSet<School.Domain.Mentoring.CheckInPolicy> CheckInPolicies { get; }

    DbSet<School.Domain.Mentoring.CheckIn> CheckIns { get; }

    DbSet<School.Domain.Mentoring.MentoringEscalation> MentoringEscalations { get; }

    DbSet<School.Domain.Notifications.Notification> Notifications { get; }

    DbSet<School.Domain.Challenges.ChallengeMenu> ChallengeMenus { get; }

    DbSet<School.Domain.Challenges.ChallengePreference> ChallengePreferences { get; }

    DbSet<School.Domain.Challenges.ChallengePlacement> ChallengePlacements { get; }

    DbSet<School.Domain.Challenges.ChallengeTeam> ChallengeTeams { get; }

    DbSet<School.Domain.Secure.SecureCycle> SecureCycles { get; }

    DbSet<School.Domain.Secure.SecureChoice> SecureChoices { get; }

    DbSet<School.Domain.Secure.SecureRequest> SecureRequests { get; }

    DbSet<School.Domain.Secure.SecurePlacement> SecurePlacements { get; }

    DbSet<School.Domain.PeerTutoring.PeerProgramme> PeerProgrammes { get; }

    DbSet<School.Domain.PeerTutoring.PeerTutor> PeerTutors { get; }

    DbSet<School.Domain.PeerTutoring.PeerPair> PeerPairs { get; }

    DbSet<School.Domain.PeerTutoring.PeerSession> PeerSessions { get; }

    DbSet<School.Domain.PeerTutoring.PeerCreditAward> PeerCreditAwards { get; }

    DbSet<School.Domain.Innovation.PolicyArea> PolicyAreas { get; }

    DbSet<School.Domain.Innovation.InnovationLead> InnovationLeads { get; }

    DbSet<School.Domain.Innovation.InnovationProject> InnovationProjects { get; }

    DbSet<School.Domain.Innovation.Idea> Ideas { get; }

    DbSet<School.Domain.Innovation.FieldTrial> FieldTrials { get; }

    /// <summary>Forgets every loaded entity, so a long job that works in batches keeps one batch in memory.</summary>
    void ClearTracked();

    /// <summary>Saves every change in one transaction. A unique index that is broken surfaces as <see cref="UniqueConstraintViolationException"/>.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
