using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Timetabling;

namespace School.Application.Timetabling.AcademicYears;

/// <summary>The school's academic years with their half terms and closures (everyone at the school may read them).</summary>
public sealed record ListAcademicYearsQuery : IQuery<Result<IReadOnlyList<AcademicYearDto>>>;

internal sealed class ListAcademicYearsQueryHandler(ICurrentUser user, IApplicationDbContext db)
    : IQueryHandler<ListAcademicYearsQuery, Result<IReadOnlyList<AcademicYearDto>>>
{
    public async ValueTask<Result<IReadOnlyList<AcademicYearDto>>> Handle(ListAcademicYearsQuery query, CancellationToken cancellationToken)
    {
        if (user.SchoolId is not { } schoolId)
        {
            return Error.Forbidden("Only members of a school may see its calendar.");
        }

        var years = await db.YearsOfAsync(schoolId, cancellationToken);
        return Result<IReadOnlyList<AcademicYearDto>>.Success(years.OrderBy(y => y.Start).Select(AcademicYearDto.From).ToList());
    }
}

/// <summary>An admin creates (no id) or replaces (with id) an academic year: half terms, closures and the cycle length.</summary>
public sealed record SaveAcademicYearCommand(
    Guid? Id, uint? ExpectedVersion, string Name, int CycleWeeks, IReadOnlyList<HalfTerm> HalfTerms, IReadOnlyList<Closure>? Closures)
    : ICommand<Result<AcademicYearDto>>;

public sealed class SaveAcademicYearCommandValidator : AbstractValidator<SaveAcademicYearCommand>
{
    public SaveAcademicYearCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(50);
        RuleFor(c => c.CycleWeeks).InclusiveBetween(1, AcademicYear.MaxCycleWeeks).WithMessage("A timetable cycle is one or two weeks.");
        RuleFor(c => c.HalfTerms).NotEmpty().Must(h => h.Count <= 12).WithMessage("Give between one and twelve half terms.");
        RuleForEach(c => c.HalfTerms).NotNull().ChildRules(h =>
        {
            h.RuleFor(x => x.Name).NotEmpty().MaximumLength(50);
            h.RuleFor(x => x.Term).Known();
            h.RuleFor(x => x.End).GreaterThanOrEqualTo(x => x.Start).WithMessage("A half term ends on or after the day it starts.");
            h.RuleFor(x => x.Start).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage(ValidationRules.PlausibleDateMessage);
        });
        RuleFor(c => c.HalfTerms).Custom((halfTerms, context) =>
        {
            if (halfTerms is null || halfTerms.Any(h => h is null) || halfTerms.Any(h => h.End < h.Start))
            {
                return;
            }

            var byStart = halfTerms.OrderBy(h => h.Start).ToList();
            if (CalendarRules.FirstOverlap(byStart) is { } overlap)
            {
                var index = halfTerms.ToList().IndexOf(byStart[overlap]);
                context.AddFailure($"HalfTerms[{index}].Start", $"'{byStart[overlap].Name}' overlaps '{byStart[overlap - 1].Name}'.");
            }
            else if (byStart.Count > 0 && byStart[^1].End.DayNumber - byStart[0].Start.DayNumber > 400)
            {
                context.AddFailure("HalfTerms", "An academic year spans at most 400 days.");
            }
        });
        RuleFor(c => c.Closures).Must(c => c is null || c.Count <= 100).WithMessage("At most 100 closures.");
        RuleForEach(c => c.Closures).NotNull().ChildRules(h =>
        {
            h.RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
            h.RuleFor(x => x.End).GreaterThanOrEqualTo(x => x.Start).WithMessage("A closure ends on or after the day it starts.");
            h.RuleFor(x => x.Start).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage(ValidationRules.PlausibleDateMessage);
        });
    }
}

internal sealed class SaveAcademicYearCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<SaveAcademicYearCommand, Result<AcademicYearDto>>
{
    public async ValueTask<Result<AcademicYearDto>> Handle(SaveAcademicYearCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var closures = command.Closures ?? [];
        AcademicYear year;
        if (command.Id is { } id)
        {
            var existing = await db.AcademicYears.SingleOrDefaultAsync(y => y.Id == id && y.SchoolId == school.Value.SchoolId, cancellationToken);
            if (existing is null)
            {
                return Error.NotFound("Academic year");
            }

            if (command.ExpectedVersion is { } expected && expected != existing.Version)
            {
                return Error.PreconditionFailed("The academic year was changed by someone else since you read it.");
            }

            existing.Change(command.Name, command.CycleWeeks, command.HalfTerms, closures);
            year = existing;
        }
        else
        {
            year = AcademicYear.Create(Ids.New(time), school.Value.SchoolId, command.Name, command.CycleWeeks, command.HalfTerms, closures);
            db.AcademicYears.Add(year);
        }

        var others = await db.AcademicYears.AsNoTracking().Where(y => y.SchoolId == school.Value.SchoolId && y.Id != year.Id).ToListAsync(cancellationToken);
        if (others.FirstOrDefault(o => o.Start <= year.End && year.Start <= o.End) is { } clash)
        {
            return Error.Conflict("academic_year.overlaps", $"The year overlaps {clash.Name} ({clash.Start:yyyy-MM-dd} to {clash.End:yyyy-MM-dd}).");
        }

        await db.SaveChangesAsync(cancellationToken);
        return AcademicYearDto.From(year);
    }
}
