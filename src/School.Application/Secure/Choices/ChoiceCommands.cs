using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Timetabling;
using School.Domain.Common;
using School.Domain.Secure;

namespace School.Application.Secure.Choices;

/// <summary>One ranked choice as sent: an offer of the period and the mode.</summary>
public sealed record SecureChoiceInput(Guid OfferId, SecureMode Mode);

/// <summary>
/// A pupil chooses, for one period, up to three offers with a mode each, best first (the pupil, a guardian, or an admin on
/// their behalf). Choosing again replaces the ranking, until the period is allocated or its day has come.
/// </summary>
public sealed record MakeSecureChoicesCommand(Guid CycleId, Guid PeriodId, Guid StudentId, IReadOnlyList<SecureChoiceInput>? Choices)
    : ICommand<Result<SecureChoicesDto>>;

public sealed class MakeSecureChoicesCommandValidator : AbstractValidator<MakeSecureChoicesCommand>
{
    public MakeSecureChoicesCommandValidator()
    {
        RuleFor(c => c.StudentId).NotEmpty();
        RuleFor(c => c.Choices).NotEmpty().WithMessage($"Choose 1 to {SecurePeriod.MaxChoices} subjects, best first.")
            .Must(c => c!.Count <= SecurePeriod.MaxChoices).WithMessage($"Choose at most {SecurePeriod.MaxChoices} subjects.")
            .Must(c => c!.Where(x => x is not null).Select(x => x.OfferId).Distinct().Count() == c!.Count(x => x is not null))
            .WithMessage("Each subject can be chosen once; say what you want to do in it with its mode.");
        RuleForEach(c => c.Choices).NotNull().ChildRules(choice =>
        {
            choice.RuleFor(x => x.OfferId).NotEmpty();
            choice.RuleFor(x => x.Mode).IsInEnum();
        });
    }
}

internal sealed class MakeSecureChoicesCommandHandler(ICurrentUser user, StudentAccess access, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<MakeSecureChoicesCommand, Result<SecureChoicesDto>>
{
    public async ValueTask<Result<SecureChoicesDto>> Handle(MakeSecureChoicesCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolMember("Only members of a school see its SECURE cycles.");
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var found = await db.PeriodAsync(command.CycleId, command.PeriodId, school.Value.SchoolId, track: false, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var allowed = await access.CheckAsync(command.StudentId, StudentPermissions.MakeChoices, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var (cycle, period) = found.Value;
        var eligible = await db.EligibleAsync(cycle, period, command.StudentId, cancellationToken);
        if (!eligible.IsSuccess)
        {
            return eligible.Error!;
        }

        var items = command.Choices!.Select(c => new SecureChoiceItem(c.OfferId, c.Mode)).ToList();
        var today = await db.TodayAtAsync(cycle.SchoolId, time, cancellationToken);
        var now = time.GetUtcNow();
        var choice = await db.SecureChoices.SingleOrDefaultAsync(c => c.PeriodId == period.Id && c.StudentId == command.StudentId, cancellationToken);
        if (choice is null)
        {
            var made = SecureChoice.Make(Ids.New(time), cycle, period, command.StudentId, items, user.PersonId, now, today);
            if (!made.IsSuccess)
            {
                return made.Error!;
            }

            choice = made.Value;
            db.SecureChoices.Add(choice);
        }
        else
        {
            var replaced = choice.Replace(period, items, user.PersonId, now, today);
            if (!replaced.IsSuccess)
            {
                return replaced.Error!;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await db.OfferBookAsync([cycle], cancellationToken)).Describe(choice);
    }
}

/// <summary>
/// A pupil's SECURE periods: for every cycle of their school they take part in, each period with their choices, a
/// teacher's request for them and their place (whoever may see the student).
/// </summary>
public sealed record GetStudentSecureQuery(Guid StudentId) : IQuery<Result<StudentSecureDto>>;

internal sealed class GetStudentSecureQueryHandler(StudentAccess access, IApplicationDbContext db) : IQueryHandler<GetStudentSecureQuery, Result<StudentSecureDto>>
{
    public async ValueTask<Result<StudentSecureDto>> Handle(GetStudentSecureQuery query, CancellationToken cancellationToken)
    {
        var allowed = await access.CheckAsync(query.StudentId, StudentPermissions.ViewRoster, cancellationToken);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var student = await db.Students.AsNoTracking().Where(s => s.Id == query.StudentId).Select(s => new { s.SchoolId, s.YearGroup }).SingleAsync(cancellationToken);
        var choices = await db.SecureChoices.AsNoTracking().Where(c => c.StudentId == query.StudentId).ToListAsync(cancellationToken);
        var requests = await db.SecureRequests.AsNoTracking().Where(r => r.StudentId == query.StudentId).ToListAsync(cancellationToken);
        var placements = await db.SecurePlacements.AsNoTracking().Where(p => p.StudentId == query.StudentId).ToListAsync(cancellationToken);
        var involved = choices.Select(c => c.CycleId).Concat(requests.Select(r => r.CycleId)).Concat(placements.Select(p => p.CycleId)).ToHashSet();
        var cycles = (await db.SecureCycles.AsNoTracking().Where(c => c.SchoolId == student.SchoolId).ToListAsync(cancellationToken))
            .Where(c => c.IsFor(student.YearGroup) || involved.Contains(c.Id))
            .ToList();
        var book = await db.OfferBookAsync(cycles, cancellationToken);
        var requesters = await db.StaffAsync(requests.Select(r => r.RequestedBy), cancellationToken);

        var periods = cycles
            .SelectMany(c => c.Periods.Select(p => (Cycle: c, Period: p)))
            .OrderBy(x => x.Period.Date).ThenBy(x => x.Period.Start)
            .Select(x =>
            {
                var (cycle, period) = x;
                var choice = choices.SingleOrDefault(c => c.PeriodId == period.Id);
                var request = requests.SingleOrDefault(r => r.PeriodId == period.Id);
                var placement = placements.SingleOrDefault(p => p.PeriodId == period.Id);
                return new StudentSecurePeriodDto(
                    cycle.Id, cycle.Name, period.Id, period.Sequence, period.Label, period.Date,
                    SecureData.Time(period.StartMinute), SecureData.Time(period.EndMinute), period.Status,
                    choice is null ? [] : book.Describe(choice.Choices), choice?.ChosenAt,
                    request is null ? null : book.Describe(request, requesters.GetValueOrDefault(request.RequestedBy) ?? new(request.RequestedBy, "(unknown)")),
                    placement is null ? null : book.Describe(placement));
            })
            .ToList();
        return new StudentSecureDto(query.StudentId, periods);
    }
}
