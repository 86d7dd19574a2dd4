using Microsoft.EntityFrameworkCore;
using School.Application.Challenges;
using School.Application.Common.Abstractions;
using School.Application.Innovation;
using School.Application.PeerTutoring.Sessions;
using School.Domain.Accounts;
using School.Domain.Common;
using School.Domain.Innovation;
using School.Domain.Portfolios;
using School.Domain.Staff;

namespace School.Application.Common.Authorization;

/// <summary>The kinds of record a route can name; each has one rule for who may know it exists.</summary>
public enum RecordKind
{
    /// <summary>A student, on the student's own routes: whoever <see cref="StudentAccess"/> lets see them, and their pupil mentor.</summary>
    Student,
    /// <summary>A student taking part in a school's record (a programme's tutor, a day window's enrolment): any staff of their school, else as <see cref="Student"/>.</summary>
    Participant,
    StaffMember,
    Mentor,
    CheckIn,
    Notification,
    PortfolioEntry,
    ChallengeMenu,
    ChallengeTeam,
    PeerProgramme,
    PeerTutor,
    PeerPair,
    PeerSession,
    SecureCycle,
    AcademicYear,
    DayWindow,
    Room,
    TeachingGroup,
    LearningBlock,
    InnovationProject,
    Idea,
    FieldTrial,
    School,
    Partnership,
}

/// <summary>
/// Whether the caller may know that a record named in a route exists at all, asked before the request is read (so a caller
/// who may not see it is told 404 whatever they sent). Each rule is the loosest read rule of the feature's handlers — a
/// caller it lets through gets exactly what the handler says — and the handlers keep their own checks.
/// </summary>
/// <remarks>
/// Students and what belongs to one (check-ins, portfolio entries) follow <see cref="StudentAccess"/>; records a school owns
/// are visible to members of that school (the handler then decides what each member may do); challenge menus, peer pairs and
/// sessions, field trials and projects reuse their feature's own rule (a field trial or project is visible across the
/// partnership and the project's network, see <see cref="InnovationAccess"/>).
/// </remarks>
public sealed class RecordVisibility(ICurrentUser user, IApplicationDbContext db, StudentAccess students)
{
    /// <summary>Null when the caller may see the record; otherwise the not-found error its handlers give.</summary>
    public async Task<Error?> CheckAsync(RecordKind kind, Guid id, CancellationToken ct) =>
        await MaySeeAsync(kind, id, ct) ? null : Error.NotFound(NameOf(kind));

    /// <summary>The name handlers use in their not-found error, so the answer is the same whichever refuses first.</summary>
    public static string NameOf(RecordKind kind) => kind switch
    {
        RecordKind.Student or RecordKind.Participant => "Student",
        RecordKind.StaffMember => "Staff member",
        RecordKind.CheckIn => "Check-in",
        RecordKind.PortfolioEntry => "Portfolio entry",
        RecordKind.ChallengeMenu => "Challenge menu",
        RecordKind.ChallengeTeam => "Team",
        RecordKind.PeerProgramme => "Programme",
        RecordKind.PeerTutor => "Tutor",
        RecordKind.PeerPair => "Pair",
        RecordKind.PeerSession => "Session",
        RecordKind.SecureCycle => "SECURE cycle",
        RecordKind.AcademicYear => "Academic year",
        RecordKind.DayWindow => "Day window",
        RecordKind.TeachingGroup => "Group",
        RecordKind.LearningBlock => "Block",
        RecordKind.InnovationProject => "Project",
        RecordKind.FieldTrial => "Field trial",
        _ => kind.ToString(),
    };

    private Task<bool> MaySeeAsync(RecordKind kind, Guid id, CancellationToken ct)
    {
        if (!user.IsAuthenticated)
        {
            return Task.FromResult(false);
        }

        var school = user.SchoolId;
        return kind switch
        {
            RecordKind.Student => students.MaySeeAsync(id, ct),
            RecordKind.Participant => IsStaff
                ? db.Students.AnyAsync(s => s.Id == id && s.SchoolId == school, ct)
                : students.MaySeeAsync(id, ct),
            RecordKind.StaffMember => db.StaffMembers.AnyAsync(s => s.Id == id && s.SchoolId == school, ct),
            RecordKind.Mentor => db.Mentors.AnyAsync(m => m.Id == id && m.SchoolId == school, ct),
            RecordKind.CheckIn => CheckInAsync(id, ct),
            RecordKind.Notification => db.Notifications.AnyAsync(n => n.Id == id && n.RecipientId == user.PersonId, ct),
            RecordKind.PortfolioEntry => PortfolioEntryAsync(id, ct),
            RecordKind.ChallengeMenu => ChallengeMenuAsync(id, ct),
            RecordKind.ChallengeTeam => ChallengeTeamAsync(id, ct),
            RecordKind.PeerProgramme => db.PeerProgrammes.AnyAsync(p => p.Id == id && p.SchoolId == school, ct),
            // Only the programme's runners (staff) handle a tutor's application; to anyone else a tutor is not found.
            RecordKind.PeerTutor => IsStaff
                ? db.PeerTutors.AnyAsync(t => t.Id == id && db.PeerProgrammes.Any(p => p.Id == t.ProgrammeId && p.SchoolId == school), ct)
                : Task.FromResult(false),
            RecordKind.PeerPair => PairAsync(id, ct),
            RecordKind.PeerSession => SessionAsync(id, ct),
            RecordKind.SecureCycle => db.SecureCycles.AnyAsync(c => c.Id == id && c.SchoolId == school, ct),
            RecordKind.AcademicYear => db.AcademicYears.AnyAsync(y => y.Id == id && y.SchoolId == school, ct),
            RecordKind.DayWindow => db.DayWindows.AnyAsync(w => w.Id == id && w.SchoolId == school, ct),
            RecordKind.Room => db.Rooms.AnyAsync(r => r.Id == id && r.SchoolId == school, ct),
            RecordKind.TeachingGroup => db.TeachingGroups.AnyAsync(g => g.Id == id && g.SchoolId == school, ct),
            RecordKind.LearningBlock => db.LearningBlocks.AnyAsync(b => b.Id == id && b.SchoolId == school, ct),
            RecordKind.InnovationProject => ProjectAsync(id, ct),
            RecordKind.Idea => IdeaAsync(id, ct),
            RecordKind.FieldTrial => FieldTrialAsync(id, ct),
            RecordKind.School => SchoolAsync(id, ct),
            RecordKind.Partnership => PartnershipAsync(id, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Every kind of record has a visibility rule."),
        };
    }

    private bool IsStaff => user.Kind == PersonKind.Staff && user.StaffRoles != StaffRoles.None;

    /// <summary>As the check-in handlers: whoever may read the child's mentoring.</summary>
    private async Task<bool> CheckInAsync(Guid id, CancellationToken ct)
    {
        var studentId = await db.CheckIns.Where(c => c.Id == id).Select(c => (Guid?)c.StudentId).SingleOrDefaultAsync(ct);
        return studentId is { } student && (await students.MentoringAsync(student, ct)).IsSuccess;
    }

    /// <summary>As <c>PortfolioAccess</c>: whoever may see the student; a guardian only entries shared with the family.</summary>
    private async Task<bool> PortfolioEntryAsync(Guid id, CancellationToken ct)
    {
        var entry = await db.PortfolioEntries.Where(e => e.Id == id)
            .Select(e => new { e.StudentId, e.Visibility }).SingleOrDefaultAsync(ct);
        return entry is not null
            && (user.Kind is PersonKind.Staff or PersonKind.Student || entry.Visibility != PortfolioVisibility.Private)
            && await students.MaySeeAsync(entry.StudentId, ct);
    }

    private async Task<bool> ChallengeMenuAsync(Guid id, CancellationToken ct) =>
        (await db.VisibleMenuAsync(students, user, id, ct)).IsSuccess;

    private async Task<bool> ChallengeTeamAsync(Guid id, CancellationToken ct)
    {
        var menuId = await db.ChallengeTeams.Where(t => t.Id == id).Select(t => (Guid?)t.MenuId).SingleOrDefaultAsync(ct);
        return menuId is { } menu && await ChallengeMenuAsync(menu, ct);
    }

    private async Task<bool> PairAsync(Guid id, CancellationToken ct) => (await db.PairForAsync(user, id, ct)).IsSuccess;

    private async Task<bool> SessionAsync(Guid id, CancellationToken ct)
    {
        var pairId = await db.PeerSessions.Where(s => s.Id == id).Select(s => (Guid?)s.PairId).SingleOrDefaultAsync(ct);
        return pairId is { } pair && await PairAsync(pair, ct);
    }

    private async Task<bool> ProjectAsync(Guid id, CancellationToken ct)
    {
        var project = await db.InnovationProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return project is not null && await db.MaySeeProjectAsync(user, project, ct);
    }

    private async Task<bool> IdeaAsync(Guid id, CancellationToken ct)
    {
        var projectId = await db.Ideas.Where(i => i.Id == id).Select(i => (Guid?)i.ProjectId).SingleOrDefaultAsync(ct);
        return projectId is { } project && await ProjectAsync(project, ct);
    }

    /// <summary>As <see cref="InnovationAccess"/>; and a published practice note is for the whole network (a network school's admin adopts it).</summary>
    private async Task<bool> FieldTrialAsync(Guid id, CancellationToken ct)
    {
        var trial = await db.FieldTrials.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (trial is null)
        {
            return false;
        }

        if (await db.RoleAsync(user, trial, ct) != TrialRole.None)
        {
            return true;
        }

        return trial.PracticeNote is not null && IsStaff && user.SchoolId is { } school
            && (await db.InnovationProjects.AsNoTracking().SingleAsync(p => p.Id == trial.ProjectId, ct)).InNetwork(school);
    }

    /// <summary>As the school's trial view: its staff, its partnership's lead, and innovation leads (who see their own trials there).</summary>
    private Task<bool> SchoolAsync(Guid id, CancellationToken ct) => user.Kind switch
    {
        PersonKind.Staff => Task.FromResult(IsStaff && user.SchoolId == id),
        PersonKind.PartnershipLead => db.Schools.AnyAsync(s => s.Id == id && s.PartnershipId != null && s.PartnershipId == user.PartnershipId, ct),
        PersonKind.InnovationLead => db.Schools.AnyAsync(s => s.Id == id, ct),
        _ => Task.FromResult(false),
    };

    /// <summary>As the partnership's trial view: its leads, and staff of a member school.</summary>
    private Task<bool> PartnershipAsync(Guid id, CancellationToken ct) => user.Kind switch
    {
        PersonKind.PartnershipLead or PersonKind.InnovationLead =>
            Task.FromResult(user.PartnershipId == id),
        PersonKind.Staff when IsStaff => db.Schools.AnyAsync(s => s.Id == user.SchoolId && s.PartnershipId == id, ct),
        _ => Task.FromResult(false),
    };
}
