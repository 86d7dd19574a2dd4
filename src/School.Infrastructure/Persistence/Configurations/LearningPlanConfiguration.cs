using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using School.Domain.LearningPlans;
using School.Domain.Students;

namespace School.Infrastructure.Persistence.Configurations;

/// <summary>A plan's versions and reviews are documents: each is kept as JSON in its plan's row (comments are rows of their own).</summary>
internal sealed class LearningPlanConfiguration : IEntityTypeConfiguration<LearningPlan>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<LearningPlan> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.AcademicYear).HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.Ignore(p => p.Current);
        builder.Ignore(p => p.Content);
        Document(builder, p => p.Versions, "_versions");
        Document(builder, p => p.Reviews, "_reviews");
        builder.HasIndex(p => new { p.StudentId, p.AcademicYear }).IsUnique().HasDatabaseName(UniqueIndexes.PlanPerYear);
        builder.HasOne<Student>().WithMany().HasForeignKey(p => p.StudentId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void Document<T>(EntityTypeBuilder<LearningPlan> builder, System.Linq.Expressions.Expression<Func<LearningPlan, IReadOnlyList<T>>> property, string field)
    {
        builder.Property(property)
            .HasField(field)
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<T>>(v, Json) ?? new List<T>(),
                new ValueComparer<IReadOnlyList<T>>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Json), Json)!));
    }
}
