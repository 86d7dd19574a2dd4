using School.Domain.LearningPlans;

namespace School.Infrastructure.Seeding;

/// <summary>
/// The demo student's learning plan for 2026/27: written with his tutor, agreed by Alex, his mother and his tutor in
/// September (version 1), then moved up a rung after the October review and agreed again (version 2).
/// </summary>
public sealed partial class DemoDataSeeder
{
    private void SeedLearningPlans()
    {
        var tutor = new PlanActor(DemoData.BridgemaryTutorId, "David Okafor");
        var alex = new PlanActor(DemoData.BridgemaryStudentId, "Alex Morgan");
        var mother = new PlanActor(DemoData.BridgemaryParentId, "Jo Morgan");

        static IReadOnlyList<Rung> Ladder(params string[] rungs) => rungs.Select((d, i) => new Rung(i + 1, d)).ToList();
        var maths = new Target(DemoData.IdFor("plan:target:maths"), TargetArea.Subject, "Maths", "Reach grade 6 in maths", "Half-termly assessment grade",
            new(2027, 7, 16), Ladder("Grade 4", "Grade 5", "Grade 6", "Grade 7"), 2);
        var english = new Target(DemoData.IdFor("plan:target:english"), TargetArea.Subject, "English", "Write a sustained argument", "Teacher-marked essays",
            new(2027, 3, 26), Ladder("Plans paragraphs", "Links paragraphs", "Sustains an argument", "Writes persuasively"), 1);
        var attendance = new Target(DemoData.IdFor("plan:target:attendance"), TargetArea.Attendance, null, "Attend every day on time", "Attendance percentage",
            new(2027, 7, 21), Ladder("Below 90%", "90–95%", "95–98%", "Above 98%"), 3);
        var homework = new Target(DemoData.IdFor("plan:target:homework"), TargetArea.Homework, null, "Hand homework in on time", "Homework log",
            new(2027, 2, 12), Ladder("Half on time", "Most on time", "All on time"), 2);
        var content = new PlanContent(
            [maths, english, attendance, homework],
            ["GCSE Geography", "GCSE Computer Science", "BTEC Sport"],
            ["Football club (Tuesdays)", "Volunteering at the food bank"],
            null,
            new SelfAssessment("I like the flexible Fridays; I want to feel more confident speaking in class.", 4, 4, 5, 2, 4));

        var september = new DateTimeOffset(2026, 9, 21, 15, 0, 0, TimeSpan.Zero);
        var plan = LearningPlan.Create(DemoData.IdFor("plan:bridgemary:alex:2026"), DemoData.BridgemaryId, DemoData.BridgemaryStudentId, "2026/27", content, tutor, september);
        plan.Propose(tutor, september.AddMinutes(20));
        plan.Agree(PlanParty.Student, alex, september.AddMinutes(25));
        plan.Agree(PlanParty.Guardian, mother, september.AddHours(5));
        plan.Agree(PlanParty.PersonalTutor, tutor, september.AddHours(6));

        var review = new DateTimeOffset(2026, 10, 19, 15, 30, 0, TimeSpan.Zero);
        plan.RecordReview(new PlanReview(new(2026, 10, 19), 15, 15, ["Alex Morgan", "Jo Morgan", "David Okafor"],
            "Strong start; maths up a grade. Keep going with the essay plans.", ["Reach grade 6 in maths"], DemoData.BridgemaryTutorId, review));
        plan.Edit(content with { Targets = [maths with { CurrentRung = 3 }, english with { CurrentRung = 2 }, attendance, homework] }, tutor, review.AddMinutes(5));
        plan.Propose(tutor, review.AddMinutes(6));
        plan.Agree(PlanParty.PersonalTutor, tutor, review.AddMinutes(7));
        plan.Agree(PlanParty.Student, alex, review.AddMinutes(8));
        plan.Agree(PlanParty.Guardian, mother, review.AddHours(3));
        db.LearningPlans.Add(plan);
        db.PlanComments.Add(plan.Comment(
            DemoData.IdFor("plan:bridgemary:alex:2026:comment:1"), mother, "Thank you — Alex is really enjoying the science Fridays.", review.AddHours(3)));
    }
}
