using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace School.Infrastructure.Persistence.Configurations;

/// <summary>Small value lists and values kept as JSON documents in one column (milestones, session history, trial data).</summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Document<TEntity, T>(EntityTypeBuilder<TEntity> builder, System.Linq.Expressions.Expression<Func<TEntity, IReadOnlyList<T>>> property, string field)
        where TEntity : class =>
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

    public static void Value<TEntity, T>(EntityTypeBuilder<TEntity> builder, System.Linq.Expressions.Expression<Func<TEntity, T?>> property)
        where TEntity : class
        where T : class =>
        builder.Property(property).HasConversion(
            v => v == null ? null : JsonSerializer.Serialize(v, Json),
            v => v == null ? null : JsonSerializer.Deserialize<T>(v, Json));
}

