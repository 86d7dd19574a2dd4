using FluentValidation;
using School.Domain.Common;
using School.Domain.Students;

namespace School.Application.Common;

/// <summary>Shape rules shared by several validators.</summary>
public static class ValidationRules
{
    public static IRuleBuilderOptions<T, string> PersonName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(Domain.Common.PersonName.MaxLength);

    public static IRuleBuilderOptions<T, string?> OptionalPersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Domain.Common.PersonName.MaxLength);

    public static IRuleBuilderOptions<T, string> PupilNumber<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MaximumLength(Domain.Students.PupilNumber.MaxLength)
            .Must(v => Domain.Students.PupilNumber.IsValid(v)).WithMessage("A pupil number is letters and digits only.");

    public static IRuleBuilderOptions<T, int> YearGroup<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(Domain.Students.YearGroup.Min, Domain.Students.YearGroup.Max)
            .WithMessage("A year group is 0 (Reception) to 13.");

    /// <summary>A date of birth is in the past and no more than 30 years ago.</summary>
    public static IRuleBuilderOptions<T, DateOnly> DateOfBirth<T>(this IRuleBuilder<T, DateOnly> rule, TimeProvider time) =>
        rule.Must(d =>
            {
                var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                return d < today && d > today.AddYears(-30);
            })
            .WithMessage("A date of birth is in the past, and no more than 30 years ago.");

    /// <summary>Calendar dates the school works with: 2000 to 2100, far from the ends of the calendar.</summary>
    public static bool IsPlausibleSchoolDate(DateOnly date) => date.Year is >= 2000 and <= 2100;

    public static bool IsPlausibleSchoolDate(DateOnly? date) => date is not { } d || IsPlausibleSchoolDate(d);

    /// <summary>An instant is plausible when its date, where it was taken, is.</summary>
    public static bool IsPlausibleSchoolDate(DateTimeOffset instant) => IsPlausibleSchoolDate(DateOnly.FromDateTime(instant.DateTime));

    public const string PlausibleDateMessage = "Dates are between the years 2000 and 2100.";

    /// <summary>A page number from 1 to the last page any list could have (<see cref="Models.Paging.MaxPage"/>).</summary>
    public static IRuleBuilderOptions<T, int> Page<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, Models.Paging.MaxPage);

    public static IRuleBuilderOptions<T, int> PageSize<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, Models.Paging.MaxPageSize);

    /// <summary>A pupil's level in a programme's subject, 0 to 100, as pairing requires.</summary>
    public static IRuleBuilderOptions<T, int> SubjectLevel<T>(this IRuleBuilder<T, int> rule) => rule.InclusiveBetween(0, 100);

    public static IRuleBuilderOptions<T, TEnum> Known<T, TEnum>(this IRuleBuilder<T, TEnum> rule)
        where TEnum : struct, Enum =>
        rule.Must(v => Enum.IsDefined(v)).WithMessage("Unknown value.");
}

