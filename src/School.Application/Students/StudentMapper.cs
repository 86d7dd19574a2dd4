using Riok.Mapperly.Abstractions;
using School.Domain.Students;

namespace School.Application.Students;

/// <summary>Compile-time mappings for the roster; a member left unmapped is a build error.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class StudentMapper
{
    /// <summary>Projects in the database: only the columns the summary needs are read.</summary>
    public static partial IQueryable<StudentSummaryDto> ProjectToSummary(this IQueryable<Student> students);

    public static partial StudentSummaryDto ToSummary(this Student student);
}
