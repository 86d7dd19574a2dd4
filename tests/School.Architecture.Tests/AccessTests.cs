namespace School.Architecture.Tests;

/// <summary>
/// "Who may see this child" is decided in one place: <c>School.Application.Common.Authorization</c>. Handlers hold the
/// capability it hands out (<c>AccessibleStudent</c>, <c>SchoolMember</c>) and read it; they do not re-derive access from who
/// the caller is.
/// </summary>
public class AccessTests
{
    private const string AuthorizationNamespace = "School.Application.Common.Authorization";

    /// <summary>The facts access is decided from: what kind of person calls, their staff roles, whether a guardian's link allows access.</summary>
    private static readonly string[] _decidingReads =
    [
        "School.Application.Common.Abstractions.ICurrentUser::get_Kind",
        "School.Application.Common.Abstractions.ICurrentUser::get_StaffRoles",
        "School.Domain.Students.GuardianLink::get_AccessAllowed",
    ];

    /// <summary>Only the access services create a capability.</summary>
    private static readonly string[] _capabilityConstructors =
    [
        "School.Application.Common.Authorization.AccessibleStudent::.ctor",
        "School.Application.Common.Authorization.SchoolMember::.ctor",
    ];

    /// <summary>Reads of those facts that do not decide access, with why.</summary>
    private static readonly Dictionary<string, string> _notAccessDecisions = new()
    {
        ["School.Application.Me.GetMe.GetMeQueryHandler"] = "tells the caller who they are signed in as",
    };

    /// <summary>
    /// Types that still decide access themselves, being folded into the capability (issue 15). The list only shrinks: a type
    /// listed here that no longer offends fails <see cref="NotYetFolded_ListsOnlyTypesThatStillDecideAccess"/>.
    /// </summary>
    private static readonly HashSet<string> _notYetFolded =
    [
        "School.Application.Challenges.ChallengeAccess",
        "School.Application.Challenges.Preferences.SubmitChallengePreferencesCommandHandler",
        "School.Application.Challenges.Teams.ListTeamsQueryHandler",
        "School.Application.Innovation.InnovationAccess",
        "School.Application.Innovation.Projects.CreateProjectCommandHandler",
        "School.Application.Innovation.Projects.ListPolicyAreasQueryHandler",
        "School.Application.Innovation.Trials.AdoptPracticeCommandHandler",
        "School.Application.Innovation.Views.GetPartnershipTrialsQueryHandler",
        "School.Application.Innovation.Views.GetSchoolTrialsQueryHandler",
        "School.Application.LearningPlans.PlanAccess",
        "School.Application.Mentoring.Mentors.ListMentorsQueryHandler",
        "School.Application.Passports.ExportPassportQueryHandler",
        "School.Application.PeerTutoring.Me.GetMyPeerTutoringQueryHandler",
        "School.Application.PeerTutoring.PeerData",
        "School.Application.PeerTutoring.Sessions.GetTutorCreditsQueryHandler",
        "School.Application.PeerTutoring.Sessions.LogSessionCommandHandler",
        "School.Application.PeerTutoring.Sessions.RateSessionCommandHandler",
        "School.Application.PeerTutoring.Sessions.SessionData",
        "School.Application.PeerTutoring.Tutors.ApplyToTutorCommandHandler",
        "School.Application.Secure.Attendance.RecordSecureAttendanceCommandHandler",
        "School.Application.Secure.Requests.RequestSecurePlaceCommandHandler",
        "School.Application.Students.Guardians.ChangeGuardianLinkCommandHandler",
        "School.Application.Students.StudentQueries",
        "School.Application.Timetabling.PersonalTimetables.GetStaffTimetableQueryHandler",
    ];

    [Fact]
    public void TheScan_FindsTheAccessServicesReadingTheFacts()
    {
        // Guards the rules below against passing because the scan found nothing.
        Assert.Contains(DecidingReadsByType(), t => t == $"{AuthorizationNamespace}.StudentAccess");
        Assert.Contains(IlReads.MemberUses(), u => _capabilityConstructors.Contains(u.Member));
    }

    [Fact]
    public void OnlyTheAccessServices_DecideAccessFromWhoTheCallerIs()
    {
        var offenders = DecidingReadsByType()
            .Where(t => !t.StartsWith(AuthorizationNamespace + ".", StringComparison.Ordinal))
            .Where(t => !_notAccessDecisions.ContainsKey(t) && !_notYetFolded.Contains(t));

        ArchAssert.NoneBreak(
            offenders,
            "Only School.Application.Common.Authorization reads ICurrentUser.Kind, ICurrentUser.StaffRoles or GuardianLink.AccessAllowed: "
            + "ask StudentAccess (an AccessibleStudent) or SchoolAccess (a SchoolMember) and read what it grants.");
    }

    [Fact]
    public void NotYetFolded_ListsOnlyTypesThatStillDecideAccess()
    {
        var offending = DecidingReadsByType().ToHashSet();

        ArchAssert.NoneBreak(
            _notYetFolded.Where(t => !offending.Contains(t)),
            "A type folded into the capability comes off AccessTests._notYetFolded, so the list only shrinks.");
    }

    [Fact]
    public void OnlyTheAccessServices_CreateACapability()
    {
        var offenders = IlReads.MemberUses()
            .Where(u => _capabilityConstructors.Contains(u.Member) && u.User.Namespace != AuthorizationNamespace)
            .Select(u => $"{u.User.FullName}.{u.Method} creates {u.Member}")
            .Distinct();

        ArchAssert.NoneBreak(offenders, "Only StudentAccess and SchoolAccess create an AccessibleStudent or a SchoolMember.");
    }

    private static IEnumerable<string> DecidingReadsByType() =>
        IlReads.MemberUses().Where(u => _decidingReads.Contains(u.Member)).Select(u => u.User.FullName).Distinct().Order();
}
