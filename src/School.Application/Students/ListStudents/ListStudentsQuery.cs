using FluentValidation;
using Mediator;
using School.Application.Common;
using School.Application.Common.Authorization;
using School.Application.Common.Models;

namespace School.Application.Students.ListStudents;

/// <summary>
/// The students the caller may see, a page at a time, filtered by year group and by name (part of a given, family or
/// preferred name, or an exact pupil number).
/// </summary>
public sealed record ListStudentsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, int? YearGroup = null, string? Name = null)
    : IQuery<PagedList<StudentSummaryDto>>;

public sealed class ListStudentsQueryValidator : AbstractValidator<ListStudentsQuery>
{
    public ListStudentsQueryValidator()
    {
        RuleFor(q => q.Page).Page();
        RuleFor(q => q.PageSize).PageSize();
        RuleFor(q => q.YearGroup!.Value).YearGroup().OverridePropertyName(nameof(ListStudentsQuery.YearGroup)).When(q => q.YearGroup is not null);
        RuleFor(q => q.Name).MaximumLength(100);
    }
}

internal sealed class ListStudentsQueryHandler(StudentAccess access)
    : IQueryHandler<ListStudentsQuery, PagedList<StudentSummaryDto>>
{
    public async ValueTask<PagedList<StudentSummaryDto>> Handle(ListStudentsQuery query, CancellationToken cancellationToken)
    {
        var students = access.VisibleStudents();
        if (query.YearGroup is { } year)
        {
            students = students.Where(s => s.YearGroup == year);
        }

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
#pragma warning disable CA1304, CA1311, CA1862 // lower-casing is translated to SQL, where culture does not apply
            var term = query.Name.Trim().ToLowerInvariant();
            var pupilNumber = query.Name.Trim().ToUpperInvariant();
            students = students.Where(s =>
                s.PupilNumber == pupilNumber ||
                s.GivenName.ToLower().Contains(term) ||
                s.FamilyName.ToLower().Contains(term) ||
                (s.PreferredName != null && s.PreferredName.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var ordered = students.OrderBy(s => s.FamilyName).ThenBy(s => s.GivenName).ThenBy(s => s.Id).ProjectToSummary();
        return await PagedList<StudentSummaryDto>.CreateAsync(ordered, query.Page, query.PageSize, cancellationToken);
    }
}
