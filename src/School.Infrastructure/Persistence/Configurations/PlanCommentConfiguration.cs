using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using School.Domain.LearningPlans;

namespace School.Infrastructure.Persistence.Configurations;

/// <summary>A comment is a row beside its plan, so adding one is an insert that never touches the plan's row or revision.</summary>
internal sealed class PlanCommentConfiguration : IEntityTypeConfiguration<PlanComment>
{
    public void Configure(EntityTypeBuilder<PlanComment> builder)
    {
        builder.ToTable("PlanComments");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(PlanComment.NameMaxLength);
        builder.Property(c => c.Text).HasMaxLength(PlanComment.MaxTextLength);
        builder.HasOne<LearningPlan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        // Listed a page at a time in the order they were written.
        builder.HasIndex(c => new { c.PlanId, c.At, c.Id });
    }
}
