using School.Domain.Mentoring;
using School.Domain.Students;

namespace School.Infrastructure.Seeding;

/// <summary>Demo mentoring: every staff mentor registered with a day a week, every student with a mentor and its history.</summary>
public sealed partial class DemoDataSeeder
{
    private readonly Dictionary<Guid, Mentor> _mentors = [];

    private Mentor RegisterDemoMentor(Guid personId, Guid schoolId, MentorKind kind, int allowance, Guid? supervisorId, DateOnly? trainedOn)
    {
        var mentor = Mentor.Register(personId, schoolId, kind, allowance, supervisorId, trainedOn).Value;
        db.Mentors.Add(mentor);
        _mentors[personId] = mentor;
        return mentor;
    }

    private void AssignDemoMentor(Student student, Guid mentorId, int? mentorYearGroup = null)
    {
        var mentor = _mentors[mentorId];
        student.AssignMentor(mentor, mentorYearGroup);
        db.MentorAssignments.Add(MentorAssignment.Start(
            DemoData.IdFor($"mentor-assignment:{student.Id}"), student.SchoolId, student.Id, mentor.Id, AssignmentSource.Matching, SeededAt,
            assignedBy: null, reason: "Seeded with the demo data.", rank: 1));
    }
}
