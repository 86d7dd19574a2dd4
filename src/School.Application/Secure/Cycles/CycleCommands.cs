using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Application.Timetabling;
using School.Domain.Common;
using School.Domain.Secure;
using School.Domain.Staff;
using School.Domain.Timetabling;

namespace School.Application.Secure.Cycles;

/// <summary>One offer of a period as an admin sends it.</summary>
public sealed record SecureOfferInput(string Subject, Guid TeacherId, Guid? RoomId, int Capacity);

/// <summary>
/// One period as an admin sends it: a date of the fortnight and either a SECURE timetable block (whose time it takes)
/// or a start and a length.
/// </summary>
public sealed record SecurePeriodInput(string Label, Guid? LearningBlockId, DateOnly Date, TimeOnly? Start, int? DurationMinutes, IReadOnlyList<SecureOfferInput>? Offers);

/// <summary>An admin sets up a SECURE fortnight: its year groups and four periods, each with its offers (subject, teacher, room, places).</summary>
public sealed record CreateSecureCycleCommand(string Name, DateOnly FortnightStart, IReadOnlyList<int>? YearGroups, IReadOnlyList<SecurePeriodInput>? Periods)
    : ICommand<Result<SecureCycleDto>>;

public sealed class CreateSecureCycleCommandValidator : AbstractValidator<CreateSecureCycleCommand>
{
    public CreateSecureCycleCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(SecureCycle.MaxNameLength);
        RuleFor(c => c.FortnightStart).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage(ValidationRules.PlausibleDateMessage)
            .Must(d => d.DayOfWeek == DayOfWeek.Monday).WithMessage("A SECURE fortnight starts on a Monday.");
        RuleFor(c => c.YearGroups).NotEmpty().WithMessage("Name at least one year group.")
            .Must(y => y!.Distinct().Count() == y!.Count).WithMessage("Each year group once.");
        RuleForEach(c => c.YearGroups).YearGroup();
        RuleFor(c => c.Periods).NotNull()
            .Must(p => p!.Count == SecureCycle.PeriodsPerCycle).WithMessage($"A SECURE cycle has exactly {SecureCycle.PeriodsPerCycle} periods a fortnight.");
        RuleForEach(c => c.Periods).NotNull().SetValidator(new PeriodValidator());
    }

    private sealed class PeriodValidator : AbstractValidator<SecurePeriodInput>
    {
        public PeriodValidator()
        {
            RuleFor(p => p.Label).NotEmpty().MaximumLength(SecurePeriod.MaxLabelLength);
            RuleFor(p => p.Date).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage(ValidationRules.PlausibleDateMessage);
            RuleFor(p => p.Start).NotNull().When(p => p.LearningBlockId is null)
                .WithMessage("Give a start and durationMinutes, or a learningBlockId of a SECURE block.");
            RuleFor(p => p.DurationMinutes).NotNull().When(p => p.LearningBlockId is null)
                .WithMessage("Give a start and durationMinutes, or a learningBlockId of a SECURE block.");
            RuleFor(p => p.Start).Null().When(p => p.LearningBlockId is not null)
                .WithMessage("A period on a timetable block takes the block's time; leave start out.");
            RuleFor(p => p.DurationMinutes).Null().When(p => p.LearningBlockId is not null)
                .WithMessage("A period on a timetable block takes the block's time; leave durationMinutes out.");
            RuleFor(p => p.Start!.Value).Must(BlockTiming.IsOnStep).OverridePropertyName(nameof(SecurePeriodInput.Start))
                .WithMessage("A period starts on a 5-minute step (14:50, not 14:52).").When(p => p.Start is not null);
            RuleFor(p => p.DurationMinutes!.Value).Must(BlockTiming.IsValidDuration).OverridePropertyName(nameof(SecurePeriodInput.DurationMinutes))
                .WithMessage("A period lasts 10 minutes to a day, in 5-minute steps.").When(p => p.DurationMinutes is not null);
            RuleFor(p => p.DurationMinutes!.Value).Must((p, minutes) => BlockTiming.FitsInDay(p.Start!.Value, minutes))
                .OverridePropertyName(nameof(SecurePeriodInput.DurationMinutes)).WithMessage("A period ends by midnight of its day.")
                .When(p => p.Start is not null && p.DurationMinutes is { } m && BlockTiming.IsValidDuration(m));
            RuleFor(p => p.Offers).NotEmpty().WithMessage("A period offers at least one subject.")
                .Must(o => o!.Count <= SecureCycle.MaxOffers).WithMessage($"A period offers at most {SecureCycle.MaxOffers} subjects.");
            RuleForEach(p => p.Offers).NotNull().SetValidator(new OfferValidator());
        }
    }

    private sealed class OfferValidator : AbstractValidator<SecureOfferInput>
    {
        public OfferValidator()
        {
            RuleFor(o => o.Subject).NotEmpty().MaximumLength(SecureOffer.MaxSubjectLength);
            RuleFor(o => o.TeacherId).NotEmpty();
            RuleFor(o => o.Capacity).InclusiveBetween(0, SecureCycle.MaxCapacity).WithMessage($"An offer has 0 to {SecureCycle.MaxCapacity} places.");
        }
    }
}

internal sealed class CreateSecureCycleCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CreateSecureCycleCommand, Result<SecureCycleDto>>
{
    public async ValueTask<Result<SecureCycleDto>> Handle(CreateSecureCycleCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var schoolId = school.Value.SchoolId;
        var fortnightEnd = command.FortnightStart.AddDays(SecureCycle.FortnightDays - 1);
        var year = (await db.YearsOfAsync(schoolId, cancellationToken)).FirstOrDefault(y => y.Covers(command.FortnightStart) || y.Covers(fortnightEnd));
        var periods = await ResolveAsync(schoolId, command.Periods!, year, cancellationToken);
        if (!periods.IsSuccess)
        {
            return periods.Error!;
        }

        var created = SecureCycle.Create(
            Ids.New(time), schoolId, command.Name, command.FortnightStart, command.YearGroups!, periods.Value, year, () => Ids.New(time));
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        db.SecureCycles.Add(created.Value);
        await db.SaveChangesAsync(cancellationToken);
        return await db.CycleDtoAsync(created.Value, cancellationToken);
    }

    /// <summary>
    /// Checks every reference against the school (unknown ids are input errors naming the field) and turns each period on
    /// a SECURE block into its date and time.
    /// </summary>
    private async Task<Result<IReadOnlyList<SecurePeriodDetails>>> ResolveAsync(
        Guid schoolId, IReadOnlyList<SecurePeriodInput> periods, AcademicYear? year, CancellationToken ct)
    {
        var offers = periods.SelectMany(p => p.Offers!).ToList();
        var teacherIds = offers.Select(o => o.TeacherId).Distinct().ToList();
        var teachers = await db.StaffMembers.AsNoTracking().Where(s => teacherIds.Contains(s.Id) && s.SchoolId == schoolId).ToDictionaryAsync(s => s.Id, ct);
        var roomIds = offers.Where(o => o.RoomId is not null).Select(o => o.RoomId!.Value).Distinct().ToList();
        var rooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id) && r.SchoolId == schoolId).ToDictionaryAsync(r => r.Id, ct);
        var blockIds = periods.Where(p => p.LearningBlockId is not null).Select(p => p.LearningBlockId!.Value).Distinct().ToList();
        var blocks = await db.LearningBlocks.AsNoTracking().Where(b => blockIds.Contains(b.Id) && b.SchoolId == schoolId).ToDictionaryAsync(b => b.Id, ct);

        var details = new List<SecurePeriodDetails>();
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            var field = $"periods[{i}]";
            for (var j = 0; j < p.Offers!.Count; j++)
            {
                var o = p.Offers[j];
                if (!teachers.TryGetValue(o.TeacherId, out var teacher) || !teacher.HasRole(StaffRoles.Teacher))
                {
                    return Error.Validation($"{field}.offers[{j}].teacherId", "The teacher must be a member of staff of this school holding the Teacher role.");
                }

                if (o.RoomId is { } roomId)
                {
                    if (!rooms.TryGetValue(roomId, out var room))
                    {
                        return Error.Validation($"{field}.offers[{j}].roomId", "No room with that id at this school.");
                    }

                    if (room.Capacity < o.Capacity)
                    {
                        return Error.Conflict("secure.room_too_small", $"{room.Name} holds {room.Capacity}; an offer there cannot have {o.Capacity} places.");
                    }
                }
            }

            var start = p.Start;
            var minutes = p.DurationMinutes;
            if (p.LearningBlockId is { } blockId)
            {
                if (!blocks.TryGetValue(blockId, out var block) || block.Kind != BlockKind.SecurePeriod)
                {
                    return Error.Validation($"{field}.learningBlockId", "No SECURE block (kind SecurePeriod) with that id at this school.");
                }

                if (year is null || !year.Covers(p.Date) || !block.OccursOn(p.Date, year.CycleDayOf(p.Date)))
                {
                    return Error.Validation($"{field}.date", $"The SECURE block \"{block.Title}\" does not run on {p.Date:yyyy-MM-dd}.");
                }

                start = block.Start;
                minutes = block.DurationMinutes;
            }

            details.Add(new SecurePeriodDetails(
                p.Label, p.LearningBlockId, p.Date, start!.Value, minutes!.Value,
                p.Offers.Select(o => new SecureOfferDetails(o.Subject, o.TeacherId, o.RoomId, o.Capacity)).ToList()));
        }

        return details;
    }
}

/// <summary>The school's SECURE cycles, newest fortnight first (anyone at the school).</summary>
public sealed record ListSecureCyclesQuery : IQuery<Result<IReadOnlyList<SecureCycleSummaryDto>>>;

internal sealed class ListSecureCyclesQueryHandler(ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<ListSecureCyclesQuery, Result<IReadOnlyList<SecureCycleSummaryDto>>>
{
    public async ValueTask<Result<IReadOnlyList<SecureCycleSummaryDto>>> Handle(ListSecureCyclesQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolMember("Only members of a school see its SECURE cycles.");
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var cycles = await db.SecureCycles.AsNoTracking().Where(c => c.SchoolId == school.Value.SchoolId).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<SecureCycleSummaryDto>>.Success(cycles
            .OrderByDescending(c => c.FortnightStart).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new SecureCycleSummaryDto(
                c.Id, c.Name, c.FortnightStart, c.FortnightEnd, c.YearGroups, c.Periods.Count, c.Periods.Count(p => p.Status == SecurePeriodStatus.Allocated)))
            .ToList());
    }
}

/// <summary>One cycle with its periods, offers and places left (anyone at the school; another school's cycle is not found).</summary>
public sealed record GetSecureCycleQuery(Guid Id) : IQuery<Result<SecureCycleDto>>;

internal sealed class GetSecureCycleQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetSecureCycleQuery, Result<SecureCycleDto>>
{
    public async ValueTask<Result<SecureCycleDto>> Handle(GetSecureCycleQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolMember("Only members of a school see its SECURE cycles.");
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var cycle = await db.CycleAsync(query.Id, school.Value.SchoolId, track: false, cancellationToken);
        return cycle is null ? Error.NotFound("SECURE cycle") : await db.CycleDtoAsync(cycle, cancellationToken);
    }
}
