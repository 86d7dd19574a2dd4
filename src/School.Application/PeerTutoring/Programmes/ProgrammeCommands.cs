using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.PeerTutoring;

namespace School.Application.PeerTutoring.Programmes;

/// <summary>The school's peer-tutoring programmes (any member of the school: pupils apply to them).</summary>
public sealed record ListPeerProgrammesQuery : IQuery<Result<IReadOnlyList<PeerProgrammeDto>>>;

internal sealed class ListPeerProgrammesQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<ListPeerProgrammesQuery, Result<IReadOnlyList<PeerProgrammeDto>>>
{
    public async ValueTask<Result<IReadOnlyList<PeerProgrammeDto>>> Handle(ListPeerProgrammesQuery query, CancellationToken cancellationToken)
    {
        if (user is not { IsAuthenticated: true, SchoolId: { } schoolId })
        {
            return Error.Forbidden("Only members of a school see its programmes.");
        }

        var programmes = await db.PeerProgrammes.AsNoTracking().Where(p => p.SchoolId == schoolId).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return programmes.Select(PeerProgrammeDto.From).ToList();
    }
}

/// <summary>An admin sets up a programme: subject, year groups, training, supervisor, tutor cap and credit rule.</summary>
public sealed record CreatePeerProgrammeCommand(
    string Name, string Subject, IReadOnlyList<int>? TutorYearGroups, IReadOnlyList<int>? TuteeYearGroups, bool AllowSameAge, string RequiredTraining,
    Guid SupervisorId, int? MaxTuteesPerTutor, int? MinutesPerCredit, bool? OnlyAttendedSessionsCount) : ICommand<Result<PeerProgrammeDto>>;

public sealed class CreatePeerProgrammeCommandValidator : AbstractValidator<CreatePeerProgrammeCommand>
{
    public CreatePeerProgrammeCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(100);
        RuleFor(c => c.TutorYearGroups).NotEmpty();
        RuleForEach(c => c.TutorYearGroups).YearGroup();
        RuleFor(c => c.TuteeYearGroups).NotEmpty();
        RuleForEach(c => c.TuteeYearGroups).YearGroup();
        RuleFor(c => c.RequiredTraining).NotEmpty().MaximumLength(500);
        RuleFor(c => c.SupervisorId).NotEmpty();
        RuleFor(c => c.MaxTuteesPerTutor).InclusiveBetween(1, 20);
        RuleFor(c => c.MinutesPerCredit).InclusiveBetween(30, 6000);
    }
}

internal sealed class CreatePeerProgrammeCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CreatePeerProgrammeCommand, Result<PeerProgrammeDto>>
{
    public async ValueTask<Result<PeerProgrammeDto>> Handle(CreatePeerProgrammeCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        if (!await db.StaffMembers.AnyAsync(s => s.Id == command.SupervisorId && s.SchoolId == school.Value.SchoolId, cancellationToken))
        {
            return Error.Validation("supervisorId", "No member of staff with that id works at this school.");
        }

        var programme = PeerProgramme.Create(Ids.New(time), school.Value.SchoolId, new PeerProgrammeDetails(
            command.Name, command.Subject, command.TutorYearGroups!, command.TuteeYearGroups!, command.AllowSameAge, command.RequiredTraining,
            command.SupervisorId, command.MaxTuteesPerTutor ?? PeerProgramme.DefaultMaxTuteesPerTutor,
            command.MinutesPerCredit ?? PeerProgramme.DefaultMinutesPerCredit, command.OnlyAttendedSessionsCount ?? true));
        db.PeerProgrammes.Add(programme);
        await db.SaveChangesAsync(cancellationToken);
        return PeerProgrammeDto.From(programme);
    }
}
