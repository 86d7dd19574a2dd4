using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.PeerTutoring;
using School.Domain.Staff;

namespace School.Application.PeerTutoring;

/// <summary>Who may run a programme, and how a person's tutoring is put together; shared by the peer-tutoring use cases.</summary>
internal static class PeerData
{
    /// <summary>A programme of the caller's school (any signed-in member of the school may know it exists).</summary>
    public static async Task<Result<PeerProgramme>> ProgrammeAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken ct, bool track = false)
    {
        var query = db.PeerProgrammes.Where(p => p.Id == id && p.SchoolId == user.SchoolId);
        var programme = await (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
        return programme is null || !user.IsAuthenticated ? Error.NotFound("Programme") : programme;
    }

    /// <summary>The programme's supervisor and the school's admins run it: approve tutors, pair, correct logs, endorse credits.</summary>
    public static Result RequireRunner(this ICurrentUser user, PeerProgramme programme) =>
        user.Kind == PersonKind.Staff && (user.PersonId == programme.SupervisorId || user.StaffRoles.HasFlag(StaffRoles.SchoolAdmin))
            ? Result.Success()
            : Error.Forbidden("Only the programme's supervisor and the school's admins do this.");

    public static bool IsStaff(this ICurrentUser user) => user.Kind == PersonKind.Staff && user.StaffRoles != StaffRoles.None;

    /// <summary>A tutor's credits on a programme from the session logs, by the programme's rule.</summary>
    public static async Task<PeerCreditsDto> CreditsAsync(this IApplicationDbContext db, PeerProgramme programme, Guid tutorId, CancellationToken ct)
    {
        var sessions = await db.PeerSessions.AsNoTracking().Where(s => s.ProgrammeId == programme.Id && s.TutorStudentId == tutorId).ToListAsync(ct);
        var counted = sessions.Sum(s => s.CountedMinutes(programme));
        var endorsed = await db.PeerCreditAwards.Where(a => a.ProgrammeId == programme.Id && a.TutorStudentId == tutorId).SumAsync(a => a.Credits, ct);
        return new PeerCreditsDto(programme.Id, programme.Subject, tutorId, counted, programme.CreditsFor(counted), endorsed, programme.MinutesPerCredit);
    }

    /// <summary>
    /// A pupil's tutoring as a tutor and as a tutee: the pairs (each side sees only the other's name and year), the
    /// sessions of those pairs, and their credits as a tutor.
    /// </summary>
    public static async Task<PeerTutoringDto> TutoringOfAsync(this IApplicationDbContext db, Guid studentId, bool withHistory, CancellationToken ct)
    {
        var pairs = await db.PeerPairs.AsNoTracking().Where(p => p.TutorStudentId == studentId || p.TuteeStudentId == studentId).ToListAsync(ct);
        var people = pairs.SelectMany(p => new[] { p.TutorStudentId, p.TuteeStudentId }).Distinct().ToList();
        var students = await db.Students.AsNoTracking().Where(s => people.Contains(s.Id))
            .Select(s => new { s.Id, Name = (s.PreferredName ?? s.GivenName) + " " + s.FamilyName, s.YearGroup })
            .ToDictionaryAsync(s => s.Id, ct);
        var programmeIds = pairs.Select(p => p.ProgrammeId).Distinct().ToList();
        var programmes = await db.PeerProgrammes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var pairIds = pairs.Select(p => p.Id).ToList();
        var sessions = await db.PeerSessions.AsNoTracking().Where(s => pairIds.Contains(s.PairId)).ToListAsync(ct);

        PeerPairDto Describe(PeerPair p) => new(
            p.Id, p.ProgrammeId, programmes[p.ProgrammeId].Subject, p.TutorStudentId, students[p.TutorStudentId].Name, p.TuteeStudentId,
            students[p.TuteeStudentId].Name, students[p.TuteeStudentId].YearGroup, p.IsActive);

        var credits = new List<PeerCreditsDto>();
        foreach (var programme in pairs.Where(p => p.TutorStudentId == studentId).Select(p => programmes[p.ProgrammeId]).DistinctBy(p => p.Id))
        {
            credits.Add(await db.CreditsAsync(programme, studentId, ct));
        }

        return new PeerTutoringDto(
            studentId,
            pairs.Where(p => p.TutorStudentId == studentId).OrderBy(p => p.CreatedAt).Select(Describe).ToList(),
            pairs.Where(p => p.TuteeStudentId == studentId).OrderBy(p => p.CreatedAt).Select(Describe).ToList(),
            sessions.OrderByDescending(s => s.Date).ThenByDescending(s => s.LoggedAt).Select(s => PeerSessionDto.From(s, withHistory)).ToList(),
            credits);
    }
}
