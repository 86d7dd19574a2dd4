using FluentValidation;
using School.Application.Common;
using School.Domain.Portfolios;

namespace School.Application.Portfolios;

/// <summary>The fields of an entry a student or their tutor writes.</summary>
public interface IPortfolioEntryContent
{
    string Title { get; }

    string? Reflection { get; }

    DateOnly Date { get; }

    PortfolioEntryKind Kind { get; }

    IReadOnlyList<string>? Subjects { get; }

    PortfolioVisibility Visibility { get; }
}

internal static class PortfolioValidation
{
    /// <summary>Shape rules for an entry's fields, shared by creating and changing one.</summary>
    public static void ValidateEntryContent<T>(this AbstractValidator<T> validator)
        where T : IPortfolioEntryContent
    {
        validator.RuleFor(c => c.Title).NotEmpty().MaximumLength(PortfolioEntry.TitleMaxLength);
        validator.RuleFor(c => c.Reflection).MaximumLength(PortfolioEntry.ReflectionMaxLength);
        validator.RuleFor(c => c.Date).Must(ValidationRules.IsPlausibleSchoolDate).WithMessage(ValidationRules.PlausibleDateMessage);
        validator.RuleFor(c => c.Kind).Known();
        validator.RuleFor(c => c.Visibility).Known();
        validator.RuleFor(c => c.Subjects)
            .Must(s => s is null || s.Count <= PortfolioEntry.MaxSubjects)
            .WithMessage($"At most {PortfolioEntry.MaxSubjects} subjects.");
        validator.RuleForEach(c => c.Subjects).NotEmpty().MaximumLength(PortfolioEntry.SubjectMaxLength);
    }
}
