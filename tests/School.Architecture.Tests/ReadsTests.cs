namespace School.Architecture.Tests;

/// <summary>
/// A feature's shared reads (static helpers extending <c>IApplicationDbContext</c>) have one name and one place,
/// <c>&lt;Feature&gt;/&lt;Feature&gt;Reads.cs</c>, and a read of one child's data takes the capability
/// (<c>AccessibleStudent</c>), not a raw student id that could name a child of another school.
/// </summary>
public class ReadsTests
{
    /// <summary>Helper classes not yet renamed or folded (issue 15). The list only shrinks.</summary>
    private static readonly HashSet<string> _notYetNamed =
    [
        "School.Application.Challenges.ChallengeAccess",
        "School.Application.Challenges.Teams.CoachedTeams",
        "School.Application.Innovation.InnovationAccess",
        "School.Application.Innovation.InnovationData",
        "School.Application.Innovation.Trials.TrialChanges",
        "School.Application.LearningPlans.PlanAccess",
        "School.Application.Mentoring.Assignments.AssignmentHistory",
        "School.Application.Mentoring.MentoringData",
        "School.Application.Mentoring.Mentors.MentorDescriptions",
        "School.Application.Mentoring.Preferences.PreferenceDtos",
        "School.Application.PeerTutoring.PeerData",
        "School.Application.PeerTutoring.Sessions.SessionData",
        "School.Application.PeerTutoring.Tutors.TutorData",
        "School.Application.Portfolios.PortfolioAccess",
        "School.Application.Secure.SecureData",
        "School.Application.Secure.SecureSessions",
        "School.Application.Students.StudentCarers",
        "School.Application.Students.StudentQueries",
        "School.Application.Timetabling.PersonalTimetables.PersonalTimetables",
        "School.Application.Timetabling.TimetableData",
    ];

    /// <summary>Loaders that still take a raw student id (issue 15). The list only shrinks.</summary>
    private static readonly HashSet<string> _notYetCapability =
    [
        "School.Application.LearningPlans.PlanAccess.LatestPlanAsync",
        "School.Application.LearningPlans.PlanAccess.LatestPlanIdAsync",
        "School.Application.LearningPlans.PlanAccess.PartyAsync",
        "School.Application.Mentoring.Assignments.AssignmentHistory.AssignmentsAsync",
        "School.Application.PeerTutoring.PeerData.TutoringOfAsync",
        "School.Application.Portfolios.PortfolioAccess.LastShowcasePositionAsync",
        "School.Application.Secure.SecureData.EligibleAsync",
        "School.Application.Secure.SecureSessions.WithSecurePlacementsAsync",
        "School.Application.Students.StudentQueries.GuardiansOf",
        "School.Application.Students.StudentQueries.LoadDtoAsync",
        "School.Application.Students.StudentQueries.LoadForChangeAsync",
        "School.Application.Timetabling.PersonalTimetables.PersonalTimetables.StudentTimetableAsync",
        "School.Application.Timetabling.TimetableData.WindowOfAsync",
    ];

    [Fact]
    public void DbContextHelpers_LiveInTheirFeaturesReadsClass()
    {
        ArchAssert.NoneBreak(
            MisnamedHelpers().Where(t => !_notYetNamed.Contains(t)),
            "Static IApplicationDbContext helpers live in School.Application.<Feature>.<Feature>Reads (one class per feature).");
    }

    [Fact]
    public void LoadersOfOneChild_TakeTheCapability()
    {
        ArchAssert.NoneBreak(
            RawStudentIdLoaders().Where(m => !_notYetCapability.Contains(m)),
            "A read of one child's data takes an AccessibleStudent (ask StudentAccess first), not a Guid studentId.");
    }

    [Fact]
    public void AllowLists_OnlyShrink()
    {
        var misnamed = MisnamedHelpers().ToHashSet();
        var raw = RawStudentIdLoaders().ToHashSet();

        ArchAssert.NoneBreak(
            _notYetNamed.Where(t => !misnamed.Contains(t)).Concat(_notYetCapability.Where(m => !raw.Contains(m))),
            "An entry fixed comes off ReadsTests' lists.");
    }

    private static IEnumerable<string> MisnamedHelpers() =>
        IlReads.DbContextExtensions()
            .Select(x => x.Type)
            .Where(t => !t.Namespace.StartsWith("School.Application.Common", StringComparison.Ordinal))
            .Where(t => t.Namespace.Split('.') is not [_, _, var feature] || t.Name != feature + "Reads")
            .Select(t => t.FullName)
            .Distinct()
            .Order();

    private static IEnumerable<string> RawStudentIdLoaders() =>
        IlReads.DbContextExtensions()
            .Where(x => x.Method.Parameters.Any(p => p.Name == "studentId" && p.ParameterType.FullName == "System.Guid"))
            .Select(x => $"{x.Type.FullName}.{x.Method.Name}")
            .Distinct()
            .Order();
}
