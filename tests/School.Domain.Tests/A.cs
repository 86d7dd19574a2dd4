using School.Domain.Accounts;
using School.Domain.Mentoring;
using School.Domain.Staff;
using School.Domain.Students;

namespace School.Domain.Tests;

/// <summary>
/// Builders for the domain objects the tests need. Every call makes fresh ids, so two objects never collide by
/// accident; pass a school id to put several people in the same school.
/// </summary>
internal static class A
{
    public static Guid Id() => Guid.CreateVersion7();

    public static Guid SchoolId() => Guid.CreateVersion7();

    public static Student Student(Guid schoolId) =>
        global::School.Domain.Students.Student.Create(Id(), schoolId, "A1234", "Ada", "Lovelace", new DateOnly(2013, 12, 10), 7);

    public static StaffMember StaffMember(Guid schoolId, StaffRoles roles, string? title = null) =>
        global::School.Domain.Staff.StaffMember.Create(Id(), schoolId, "Grace", "Hopper", roles, title);

    /// <summary>A registered staff mentor (a day a week), or a trained pupil / school-leaver mentor supervised by a new member of staff.</summary>
    public static Mentor Mentor(Guid schoolId, MentorKind kind = MentorKind.Staff, Guid? personId = null) =>
        global::School.Domain.Mentoring.Mentor.Register(
            personId ?? Id(), schoolId, kind, global::School.Domain.Mentoring.Mentor.DefaultStaffAllowanceMinutes,
            kind == MentorKind.Staff ? null : Id(), kind == MentorKind.Staff ? null : new DateOnly(2026, 7, 1)).Value;

    public static Guardian Guardian(Guid schoolId) =>
        global::School.Domain.Students.Guardian.Create(Id(), schoolId, "Ann", "Lovelace", "ann.lovelace@example.org");

    /// <summary>A student of a new school with <paramref name="guardian"/> of the same school already linked.</summary>
    public static Student StudentWithGuardian(out Guardian guardian)
    {
        var schoolId = SchoolId();
        var student = Student(schoolId);
        guardian = Guardian(schoolId);
        student.LinkGuardian(guardian, GuardianRelationship.Mother, hasParentalResponsibility: true);
        return student;
    }

    public static UserAccount StaffAccount(string email = "grace.hopper@example.org") =>
        UserAccount.ForSchoolPerson(Id(), email, PersonKind.Staff, Id(), SchoolId());
}
