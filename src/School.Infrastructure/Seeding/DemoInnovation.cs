using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Innovation;

namespace School.Infrastructure.Seeding;

/// <summary>
/// Demo Next Practice innovation model. The four policy areas; the programme's innovation lead (who signs in as
/// <see cref="DemoData.InnovationLeadEmail"/>); and a Resourcing Personalisation project, with the National College for
/// School Leadership as partner agency and Bridgemary and Cramlington as its network, that has come through phase 1
/// (analyse need, scan the horizon, generate creative options) into phase 2, local incubation. Its ideas are scored on
/// the seven criteria and placed on the innovation grid. Two field trials: Bridgemary's "flexible day" (use of time),
/// Incubating since July 2026 with its five baseline strands, two indicators (one reading so far, of students opting in)
/// and incubation support including a granted Power to Innovate request; and Cramlington's pupil-chosen SECURE time,
/// Evaluating since July 2026 with two readings of each indicator. Every status change went through the trial's rules,
/// moved by the lead with a reason, at fixed times.
/// </summary>
public sealed partial class DemoDataSeeder
{
    /// <summary>The innovation lead's name and organisation.</summary>
    public const string InnovationLeadName = "Innovation lead, Next Practice programme";

    public const string InnovationLeadOrganisation = "The Innovation Unit";

    private void SeedInnovation()
    {
        foreach (var (id, name) in new[]
        {
            (DemoData.SystemLeadershipAreaId, "System Leadership"),
            (DemoData.ResourcingPersonalisationAreaId, "Resourcing Personalisation"),
            (DemoData.WorkforceModernisationAreaId, "Workforce Modernisation — Communities for Learning"),
            (DemoData.ParentalEngagementAreaId, "Parental and Carer Engagement"),
        })
        {
            db.PolicyAreas.Add(PolicyArea.Create(id, name));
        }

        var lead = InnovationLead.Create(DemoData.InnovationLeadId, InnovationLeadName, InnovationLeadOrganisation);
        db.InnovationLeads.Add(lead);
        AddLeadAccount(DemoData.InnovationLeadEmail, PersonKind.InnovationLead, lead.Id, DemoData.PartnershipId);

        var project = InnovationProject.Create(
            DemoData.ResourcingProjectId, "Resourcing Personalisation: reconfiguring time, technology and space", DemoData.ResourcingPersonalisationAreaId,
            "National College for School Leadership", lead.Id, DemoData.PartnershipId, [DemoData.BridgemaryId, DemoData.CramlingtonId],
            InnovationProject.DefaultCriteriaToSelect);
        MustSucceed(project.MoveTo(ProjectPhase.SystemLevel, SystemLevelStep.ScanTheHorizon), "project: scan the horizon");
        MustSucceed(project.MoveTo(ProjectPhase.SystemLevel, SystemLevelStep.GenerateCreativeOptions), "project: generate creative options");
        MustSucceed(project.MoveTo(ProjectPhase.LocalIncubation, null), "project: local incubation");
        db.InnovationProjects.Add(project);

        var ideas = SeedIdeas(project);
        SeedFlexibleDayTrial(project, ideas[DemoData.FlexibleDayIdeaId]);
        SeedCramlingtonTrial(project, ideas[DemoData.SecureChoiceIdeaId]);
    }

    /// <summary>Ideas from phase 1, scored 0–3 on each criterion (in <see cref="NextPracticeCriterion"/> order), one in each quadrant of the grid.</summary>
    private Dictionary<Guid, Idea> SeedIdeas(InnovationProject project)
    {
        var flexibleDay = Idea.Create(
            DemoData.FlexibleDayIdeaId, project.Id, "A flexible day: students choose when their learning takes place",
            "Build on the ability-driven curriculum to personalise when learning happens: a combination of teaching times and slots from which "
            + "each student builds their own day, in or out of school, at college, or working virtually outside traditional hours. Needs a complete "
            + "reconstruction of the timetable and new professional roles for staff.",
            [3, 3, 2, 3, 2, 3, 3], ChangeSize.Major, DistanceFromPractice.Far);
        flexibleDay.AddHorizonNote(
            "Health", "Bromley-by-Bow Healthy Living Centre: primary care rebuilt around the person rather than the appointment slot — "
            + "services open when and where people can use them, with patients as co-producers of their own care.");
        flexibleDay.AddHorizonNote(
            "Banking", "Zopa's person-to-person lending: a service that fits customers whose working lives are dynamic and mobile, "
            + "not the branch's opening hours.");

        var secure = Idea.Create(
            DemoData.SecureChoiceIdeaId, project.Id, "Pupil-chosen SECURE time",
            "Four periods a fortnight in which every child chooses a subject and whether to Stretch, Consolidate, Catch up or REinforce, "
            + "co-constructing their learning with their teachers.",
            [2, 3, 2, 3, 1, 2, 3], ChangeSize.Major, DistanceFromPractice.Near);
        secure.AddHorizonNote(
            "Retail", "Customers choose the service they need at the point of use; the shop reconfigures its staff around the choices.");

        var anytime = Idea.Create(
            DemoData.AnytimeLearningIdeaId, project.Id, "A digital toolbox for anytime, anywhere learning",
            "Course materials, feedback and tutor contact available online at any hour, so learning is not tied to the school building.",
            [2, 1, 2, 1, 3, 1, 2], ChangeSize.Minor, DistanceFromPractice.Far);

        var transition = Idea.Create(
            DemoData.TransitionIdeaId, project.Id, "Personalised transition from primary school",
            "Each Year 6 pupil's first term planned with them and their parents, using what the primary school knows.",
            [1, 1, 2, 3, 0, 2, 3], ChangeSize.Minor, DistanceFromPractice.Near);

        Idea[] all = [flexibleDay, secure, anytime, transition];
        db.Ideas.AddRange(all);
        return all.ToDictionary(i => i.Id);
    }

    /// <summary>Bridgemary's flexible-day trial: proposed in May, selected in June, Incubating since July 2026; one reading so far.</summary>
    private void SeedFlexibleDayTrial(InnovationProject project, Idea idea)
    {
        var by = project.LeadId;
        var trial = FieldTrial.Propose(
            DemoData.BridgemaryFlexibleDayTrialId, project.Id, idea.Id, "The flexible day at Bridgemary", [DemoData.BridgemaryId],
            [ResourceDomain.UseOfTime, ResourceDomain.Technology], "Mrs Helen Carter, vice principal (curriculum)", FieldTrial.DefaultBaselineStrands,
            by, new DateTimeOffset(2026, 5, 11, 9, 0, 0, TimeSpan.Zero));
        MoveDemoTrial(trial, TrialStatus.Selected, "Meets all seven criteria; Bridgemary's ability-driven curriculum is a strong base for it.", idea, project, new(2026, 6, 8, 10, 0, 0, TimeSpan.Zero));

        trial.RecordBaseline(
        [
            new("Attainment and progress", "Year 10: 58% on track for five or more good GCSEs including English and maths; 21% taking at least one GCSE early."),
            new("Attendance and engagement", "Year 10 attendance 91.8% (2025–26); 14% persistently absent; 37 students disengaged or at risk."),
            new("Student and parent voice", "Survey of 240 Year 10 students and 180 parents, June 2026: 64% of students would choose a different day."),
            new("Workforce: roles and deployment", "60 staff on the standard day; 16 volunteered for an early shift; no staff on flexible contracts."),
            new("Cost and use of resources", "Buildings used 41 hours a week; college places bought for 12 students; £5,430 per pupil."),
        ]);
        trial.LogSupport(new(new DateOnly(2026, 6, 22), SupportKind.ChangeLeadershipConsultancy,
            "Two days with a change-leadership consultant: designing the reconstruction of the timetable and the new staff roles.", null));
        trial.LogSupport(new(new DateOnly(2026, 6, 29), SupportKind.PowerToInnovateRequest,
            "Power to Innovate request: relax the requirement to register pupils at the start of each morning and afternoon session, "
            + "so a student on a flexible day is registered when their day begins.",
            "Granted 20 July 2026 for the two years of the trial, on condition that attendance is reported to the local authority every half term."));
        MoveDemoTrial(trial, TrialStatus.Incubating, "Baseline recorded (five strands); the Power to Innovate request is granted.", idea, project, new(2026, 7, 21, 14, 0, 0, TimeSpan.Zero));

        trial.AddIndicator(DemoData.FlexibleDayOptInIndicatorId, "Year 10 students on a flexible day", "students");
        trial.AddIndicator(DemoData.FlexibleDayAttendanceIndicatorId, "Year 10 attendance", "%");
        MustSucceed(trial.AddReading(DemoData.FlexibleDayOptInIndicatorId, new(new DateOnly(2026, 9, 4), 50, "All 50 early-window places taken for the autumn term.")),
            "flexible day: first reading");
        trial.LogSupport(new(new DateOnly(2026, 7, 8), SupportKind.CommunityOfPracticeEvent,
            "Resourcing Personalisation community of practice: field trials on flexible timetables and two-shift days.", null));
        trial.LogSupport(new(new DateOnly(2026, 9, 2), SupportKind.BrokeredRelationship,
            "Introduced to the local FE college to offer afternoon and evening places to students on a flexible day.", "12 college places agreed for the spring term."));
        db.FieldTrials.Add(trial);
    }

    /// <summary>Cramlington's SECURE trial: proposed in January, through incubation from March, Evaluating since July 2026.</summary>
    private void SeedCramlingtonTrial(InnovationProject project, Idea idea)
    {
        var by = project.LeadId;
        var trial = FieldTrial.Propose(
            DemoData.CramlingtonTrialId, project.Id, idea.Id, "Pupil-chosen SECURE time at Cramlington", [DemoData.CramlingtonId],
            [ResourceDomain.CoConstructingLearning, ResourceDomain.UseOfTime], "Mr Graham Robson, deputy head (learning)", FieldTrial.DefaultBaselineStrands,
            by, new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero));
        MoveDemoTrial(trial, TrialStatus.Selected, "Meets six of the seven criteria; builds on Cramlington's learning-to-learn work.", idea, project, new(2026, 2, 2, 10, 0, 0, TimeSpan.Zero));

        trial.RecordBaseline(
        [
            new("Attainment and progress", "Year 9: 54% meeting their subject targets across the core."),
            new("Attendance and engagement", "Year 9 attendance 93.4%; 9% persistently absent."),
            new("Student and parent voice", "41% of Year 9 say they get to choose where they need help."),
            new("Workforce: roles and deployment", "Catch-up taught in withdrawal groups by teaching assistants, 6 hours a week."),
            new("Cost and use of resources", "£38,000 a year on after-school catch-up sessions."),
        ]);
        trial.LogSupport(new(new DateOnly(2026, 2, 16), SupportKind.ToolkitUse,
            "Used the toolkit's \"Gathering baseline data\" guide to set up the five strands and the indicators.", null));
        MoveDemoTrial(trial, TrialStatus.Incubating, "Baseline recorded; SECURE periods start after the February half term.", idea, project, new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

        trial.AddIndicator(DemoData.CramlingtonTargetsIndicatorId, "Year 9 pupils meeting their subject targets", "%");
        trial.AddIndicator(DemoData.CramlingtonVoiceIndicatorId, "Year 9 pupils who say they choose where they need help", "%");
        MustSucceed(trial.AddReading(DemoData.CramlingtonTargetsIndicatorId, new(new DateOnly(2026, 3, 27), 58, "End of the spring term.")), "Cramlington: reading");
        MustSucceed(trial.AddReading(DemoData.CramlingtonVoiceIndicatorId, new(new DateOnly(2026, 3, 27), 47, null)), "Cramlington: reading");
        MustSucceed(trial.AddReading(DemoData.CramlingtonTargetsIndicatorId, new(new DateOnly(2026, 7, 10), 71, "End of the summer term.")), "Cramlington: reading");
        MustSucceed(trial.AddReading(DemoData.CramlingtonVoiceIndicatorId, new(new DateOnly(2026, 7, 10), 82, "Pupil survey, July 2026.")), "Cramlington: reading");
        trial.LogSupport(new(new DateOnly(2026, 5, 14), SupportKind.CommunityOfPracticeEvent,
            "Hosted a community of practice visit: Bridgemary's staff observed two SECURE periods.", null));
        MoveDemoTrial(trial, TrialStatus.Evaluating, "Two readings of both indicators; evaluating over the autumn term.", idea, project, new(2026, 7, 13, 15, 0, 0, TimeSpan.Zero));
        db.FieldTrials.Add(trial);
    }

    /// <summary>A status move through the trial's rules, by the project's lead; the demo data is wrong if a rule refuses it.</summary>
    private static void MoveDemoTrial(FieldTrial trial, TrialStatus to, string reason, Idea idea, InnovationProject project, DateTimeOffset at) =>
        MustSucceed(trial.MoveTo(to, reason, idea.CriteriaMet, project.CriteriaToSelect, project.LeadId, at), $"{trial.Title} → {to}");

    private static void MustSucceed(Result result, string what)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Demo data: {what}: {result.Error}.");
        }
    }

    /// <summary>A partnership or innovation lead's sign-in: outside any school.</summary>
    private void AddLeadAccount(string email, PersonKind kind, Guid personId, Guid? partnershipId)
    {
        var account = UserAccount.ForLead(DemoData.IdFor($"account:{email}"), email, kind, personId, partnershipId);
        account.SetPasswordHash(_passwordHash!);
        db.UserAccounts.Add(account);
    }
}
