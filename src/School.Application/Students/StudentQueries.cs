using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Common.Models;
using School.Domain.Students;

namespace School.Application.Students;

/// <summary>Reads one student as a <see cref="StudentDto"/>, showing guardians only to those allowed to see them.</summary>
internal static class StudentQueries
{
    public static async Task<StudentDto> LoadDtoAsync(
        this IApplicationDbContext db, Guid studentId, StudentPermissions permissions, CancellationToken ct)
    {
        var row = await db.Students.AsNoTracking()
            .Where(s => s.Id == studentId)
            .Select(s => new
            {
                Student = s,
                Tutor = db.StaffMembers.Where(t => t.Id == s.PersonalTutorId)
                    .Select(t => new PersonRef(t.Id, t.GivenName + " " + t.FamilyName)).FirstOrDefault(),
                Mentor = db.StaffMembers.Where(t => t.Id == s.MentorId)
                    .Select(t => new PersonRef(t.Id, t.GivenName + " " + t.FamilyName)).FirstOrDefault(),
                PupilMentor = db.Students.Where(t => t.Id == s.MentorId)
                    .Select(t => new PersonRef(t.Id, (t.PreferredName ?? t.GivenName) + " " + t.FamilyName)).FirstOrDefault(),
            })
            .SingleAsync(ct);

        var guardians = permissions.HasFlag(StudentPermissions.ViewGuardians)
            ? await db.GuardiansOf(studentId, ct)
            : null;

        var s = row.Student;
        return new StudentDto(
            s.Id, s.SchoolId, s.PupilNumber, s.GivenName, s.FamilyName, s.PreferredName, s.DateOfBirth, s.YearGroup,
            row.Tutor, row.Mentor ?? row.PupilMentor, guardians, s.Version);
    }

    public static async Task<IReadOnlyList<GuardianLinkDto>> GuardiansOf(this IApplicationDbContext db, Guid studentId, CancellationToken ct)
    {
        var links = await db.Students.AsNoTracking()
            .Where(s => s.Id == studentId)
            .Select(s => s.GuardianLinks)
            .SingleAsync(ct);
        var ids = links.Select(l => l.GuardianId).ToList();
        var guardians = await db.Guardians.AsNoTracking().Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);

        return links
            .Select(l => (Link: l, Guardian: guardians[l.GuardianId]))
            .Select(x => new GuardianLinkDto(
                x.Guardian.Id, x.Guardian.GivenName, x.Guardian.FamilyName, x.Guardian.Email, x.Guardian.Phone,
                x.Link.Relationship, x.Link.HasParentalResponsibility, x.Link.AccessAllowed, x.Link.AccessStoppedReason))
            .OrderBy(g => g.FamilyName, StringComparer.Ordinal).ThenBy(g => g.GivenName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The student's details and links, tracked for a change; only call once access has been checked.</summary>
    public static Task<Student> LoadForChangeAsync(this IApplicationDbContext db, Guid studentId, CancellationToken ct) =>
        db.Students.Include(s => s.GuardianLinks).SingleAsync(s => s.Id == studentId, ct);
}
