using School.Domain.LearningPlans;

namespace School.Domain.Tests.LearningPlans;

/// <summary>
/// Builders for the learning-plan tests: a plan for 2026/27 with a Maths target (rung 1 of four) and a homework target
/// (rung 2 of three), and the three parties who agree it. Ids are fresh on every call, as in <see cref="A"/>.
/// </summary>
internal static class P
{
    public static readonly DateTimeOffset Now = new(2026, 9, 21, 15, 0, 0, TimeSpan.Zero);

    public static readonly PlanActor Tutor = new(A.Id(), "David Okafor");

    public static readonly PlanActor Pupil = new(A.Id(), "Alex Morgan");

    public static readonly PlanActor Mother = new(A.Id(), "Jo Morgan");

    public static IReadOnlyList<Rung> Ladder(params string[] rungs) => rungs.Select((d, i) => new Rung(i + 1, d)).ToList();

    public static Target Maths(int rung = 1) => new(
        A.Id(), TargetArea.Subject, "Maths", "Reach grade 6 in maths", "Half-termly assessment grade", new(2027, 7, 16),
        Ladder("Grade 4", "Grade 5", "Grade 6", "Grade 7"), rung);

    public static Target Homework(int rung = 2) => new(
        A.Id(), TargetArea.Homework, null, "Hand homework in on time", "Homework log", new(2027, 2, 12),
        Ladder("Half on time", "Most on time", "All on time"), rung);

    public static PlanContent Content(params Target[] targets) => new(
        targets.Length == 0 ? [Maths(), Homework()] : targets,
        ["GCSE Geography"],
        ["Football club"],
        null,
        new SelfAssessment("I like flexible Fridays.", 4, 4, 5, 2, 4));

    public static LearningPlan Plan(PlanContent? content = null) =>
        LearningPlan.Create(A.Id(), A.SchoolId(), Pupil.PersonId, "2026/27", content ?? Content(), Tutor, Now);

    /// <summary>A plan proposed by the tutor.</summary>
    public static LearningPlan Proposed(PlanContent? content = null)
    {
        var plan = Plan(content);
        plan.Propose(Tutor, Now.AddMinutes(5));
        return plan;
    }

    /// <summary>A plan proposed and agreed by the student, the mother and the tutor.</summary>
    public static LearningPlan Agreed(PlanContent? content = null)
    {
        var plan = Proposed(content);
        plan.Agree(PlanParty.Student, Pupil, Now.AddMinutes(10));
        plan.Agree(PlanParty.Guardian, Mother, Now.AddMinutes(20));
        plan.Agree(PlanParty.PersonalTutor, Tutor, Now.AddMinutes(30));
        return plan;
    }
}
