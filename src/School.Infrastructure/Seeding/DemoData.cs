using System.Security.Cryptography;
using System.Text;

namespace School.Infrastructure.Seeding;

/// <summary>The well-known parts of the demo data: the same ids and accounts on every run.</summary>
public static class DemoData
{
    public const string Password = "demo-Passw0rd";

    public static readonly Guid PartnershipId = IdFor("partnership");
    public static readonly Guid BridgemaryId = IdFor("school:bridgemary");
    public static readonly Guid CramlingtonId = IdFor("school:cramlington");

    public static readonly Guid BridgemaryAdminId = IdFor("bridgemary:staff:admin");
    public static readonly Guid BridgemaryTutorId = IdFor("bridgemary:staff:tutor");
    public static readonly Guid BridgemaryMentorId = IdFor("bridgemary:staff:mentor");
    public static readonly Guid BridgemaryTeacherId = IdFor("bridgemary:staff:teacher");
    public static readonly Guid BridgemaryPastoralId = IdFor("bridgemary:staff:pastoral");
    public static readonly Guid BridgemarySchoolLeaverId = IdFor("bridgemary:staff:leaver");
    public static readonly Guid BridgemaryStudentId = IdFor("bridgemary:student:demo");
    public static readonly Guid BridgemaryParentId = IdFor("bridgemary:guardian:demo");
    public static readonly Guid BridgemaryStoppedGuardianId = IdFor("bridgemary:guardian:stopped");

    public static readonly Guid BridgemaryYearId = IdFor("bridgemary:year:2026");
    public static readonly Guid BridgemaryStandardWindowId = IdFor("bridgemary:window:standard");
    public static readonly Guid BridgemaryEarlyWindowId = IdFor("bridgemary:window:early");
    public static readonly Guid BridgemaryLateWindowId = IdFor("bridgemary:window:late");
    public static readonly Guid BridgemaryMathsSet1Id = IdFor("bridgemary:group:maths-set-1");
    public static readonly Guid BridgemaryYear9CohortId = IdFor("bridgemary:group:year-9");
    public static readonly Guid BridgemaryThemedProjectId = IdFor("bridgemary:block:enterprise-week");
    public static readonly Guid BridgemaryPlacementId = IdFor("bridgemary:block:placement");
    public static readonly Guid BridgemaryEndorsedEntryId = IdFor("bridgemary:portfolio:maths-challenge");
    public static readonly Guid BridgemaryImageEntryId = IdFor("bridgemary:portfolio:volcano-model");

    /// <summary>Bridgemary's "Personal challenges 2027" for Years 7–9: 40 challenges, choices made, allocation not yet published.</summary>
    public static readonly Guid BridgemaryChallengeMenuId = IdFor("bridgemary:challenge-menu:2027");

    /// <summary>The sign-in of Bridgemary's trained school-leaver mentor (a member of staff with only the Mentor role).</summary>
    public const string SchoolLeaverEmail = "leaver@bridgemary.demo";

    /// <summary>Bridgemary's "Paired reading" peer-tutoring programme: Year 9 tutors, Year 7 tutees, supervised by the pastoral lead.</summary>
    public static readonly Guid BridgemaryReadingProgrammeId = IdFor("bridgemary:peer-programme:paired-reading");

    /// <summary>Bridgemary's "Maths peer tutoring" programme: Year 9–10 tutors, Year 7–8 tutees, supervised by the demo teacher.</summary>
    public static readonly Guid BridgemaryMathsProgrammeId = IdFor("bridgemary:peer-programme:maths");

    /// <summary>The Year 9 pupil (BMC09005) who signs in as <see cref="PeerTutorEmail"/>: a trained reading tutor of two Year 7s.</summary>
    public static readonly Guid BridgemaryPeerTutorId = IdFor("bridgemary:student:BMC09005");

    /// <summary>The peer tutor's endorsed reading credit (summer term 2026) and its entry in their record of achievement.</summary>
    public static readonly Guid BridgemaryPeerCreditAwardId = IdFor("bridgemary:peer:paired-reading:award:BMC09005:1");

    public static readonly Guid BridgemaryPeerCreditEntryId = IdFor("bridgemary:portfolio:BMC09005:peer-tutoring:1");

    /// <summary>The sign-in of Bridgemary's Year 9 peer tutor.</summary>
    public const string PeerTutorEmail = "peer-tutor@bridgemary.demo";

    public static readonly Guid CramlingtonAdminId = IdFor("cramlington:staff:admin");
    public static readonly Guid CramlingtonStudentId = IdFor("cramlington:student:demo");
    public static readonly Guid CramlingtonParentId = IdFor("cramlington:guardian:demo");
    public static readonly Guid CramlingtonChallengeMenuId = IdFor("cramlington:challenge-menu:2027");

    /// <summary>The sign-in of the Next Practice programme's innovation lead (an account outside any school, in the partnership).</summary>
    public const string InnovationLeadEmail = "innovation@nextpractice.demo";

    /// <summary>The innovation lead who runs the demo Next Practice project (the person behind <see cref="InnovationLeadEmail"/>).</summary>
    public static readonly Guid InnovationLeadId = IdFor("innovation:lead");

    public static readonly Guid SystemLeadershipAreaId = IdFor("innovation:policy-area:system-leadership");
    public static readonly Guid ResourcingPersonalisationAreaId = IdFor("innovation:policy-area:resourcing-personalisation");
    public static readonly Guid WorkforceModernisationAreaId = IdFor("innovation:policy-area:workforce-modernisation");
    public static readonly Guid ParentalEngagementAreaId = IdFor("innovation:policy-area:parental-engagement");

    /// <summary>The Resourcing Personalisation project (phase 2, local incubation) with Bridgemary and Cramlington in its network.</summary>
    public static readonly Guid ResourcingProjectId = IdFor("innovation:project:resourcing-personalisation");

    /// <summary>The project's ideas: the flexible day (radical), pupil-chosen SECURE time (significant), and two below the criteria.</summary>
    public static readonly Guid FlexibleDayIdeaId = IdFor("innovation:idea:flexible-day");
    public static readonly Guid SecureChoiceIdeaId = IdFor("innovation:idea:secure-choice");
    public static readonly Guid AnytimeLearningIdeaId = IdFor("innovation:idea:anytime-learning");
    public static readonly Guid TransitionIdeaId = IdFor("innovation:idea:transition");

    /// <summary>Bridgemary's "flexible day" field trial, Incubating: baseline recorded, one reading so far.</summary>
    public static readonly Guid BridgemaryFlexibleDayTrialId = IdFor("innovation:trial:bridgemary-flexible-day");

    /// <summary>The flexible-day trial's indicators: students opting in (one reading) and Year 10 attendance (none yet).</summary>
    public static readonly Guid FlexibleDayOptInIndicatorId = IdFor("innovation:trial:bridgemary-flexible-day:indicator:opt-in");
    public static readonly Guid FlexibleDayAttendanceIndicatorId = IdFor("innovation:trial:bridgemary-flexible-day:indicator:attendance");

    /// <summary>Cramlington's SECURE field trial, Evaluating: two readings of each indicator.</summary>
    public static readonly Guid CramlingtonTrialId = IdFor("innovation:trial:cramlington-secure");

    public static readonly Guid CramlingtonTargetsIndicatorId = IdFor("innovation:trial:cramlington-secure:indicator:targets");
    public static readonly Guid CramlingtonVoiceIndicatorId = IdFor("innovation:trial:cramlington-secure:indicator:voice");

    /// <summary>The named demo sign-ins, all with <see cref="Password"/>.</summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin@bridgemary.demo", "Bridgemary school admin"),
        new("tutor@bridgemary.demo", "Bridgemary personal tutor of the demo student"),
        new("mentor@bridgemary.demo", "Bridgemary mentor of the demo student"),
        new("teacher@bridgemary.demo", "Bridgemary teacher"),
        new("pastoral@bridgemary.demo", "Bridgemary pastoral lead"),
        new(SchoolLeaverEmail, "Bridgemary school-leaver mentor of four Year 7s"),
        new("student@bridgemary.demo", "Bridgemary Year 10 student"),
        new(PeerTutorEmail, "Bridgemary Year 9 peer tutor (paired reading) of two Year 7s"),
        new("parent@bridgemary.demo", "guardian of the Bridgemary demo student"),
        new("admin@cramlington.demo", "Cramlington school admin"),
        new("student@cramlington.demo", "Cramlington student"),
        new("parent@cramlington.demo", "guardian of the Cramlington demo student"),
        new(InnovationLeadEmail, "Innovation lead, Next Practice programme"),
    ];

    /// <summary>
    /// A stable version-7-shaped GUID for a demo key: a fixed timestamp (1 September 2026) and bits from a hash of the key,
    /// so the demo data has the same ids on every machine and every run.
    /// </summary>
    public static Guid IdFor(string key)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16).ToArray();
        var millis = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(millis >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}

public sealed record DemoAccount(string Email, string Description);
