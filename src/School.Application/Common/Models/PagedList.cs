using Microsoft.EntityFrameworkCore;

namespace School.Application.Common.Models;

/// <summary>One page of a longer list.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of <paramref name="source"/>, with the total. A page past the end is empty
    /// and still carries the total; the rows before the page are counted in 64 bits, so no page number wraps round to
    /// an earlier page.
    /// </summary>
    public static async Task<PagedList<T>> CreateAsync(IQueryable<T> source, int page, int pageSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var total = await source.CountAsync(ct);
        var skip = (page - 1L) * pageSize;
        IReadOnlyList<T> items = skip >= total ? [] : await source.Skip((int)skip).Take(pageSize).ToListAsync(ct);
        return new PagedList<T>(items, page, pageSize, total);
    }
}

/// <summary>Paging limits shared by every list endpoint.</summary>
public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>
    /// The last page any list could have: a list holds at most <see cref="int.MaxValue"/> rows, so at the largest page
    /// size the rows before this page still fit in an <see cref="int"/>. A higher page number is refused (400).
    /// </summary>
    public const int MaxPage = (int.MaxValue / MaxPageSize) + 1;
}
