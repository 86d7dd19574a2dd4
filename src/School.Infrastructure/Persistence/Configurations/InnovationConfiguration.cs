using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using School.Domain.Innovation;

namespace School.Infrastructure.Persistence.Configurations;

internal sealed class PolicyAreaConfiguration : IEntityTypeConfiguration<PolicyArea>
{
    public void Configure(EntityTypeBuilder<PolicyArea> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.Name).IsUnique().HasDatabaseName(UniqueIndexes.PolicyAreaName);
    }
}

internal sealed class InnovationLeadConfiguration : IEntityTypeConfiguration<InnovationLead>
{
    public void Configure(EntityTypeBuilder<InnovationLead> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Organisation).HasMaxLength(200);
    }
}

internal sealed class InnovationProjectConfiguration : IEntityTypeConfiguration<InnovationProject>
{
    public void Configure(EntityTypeBuilder<InnovationProject> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.PartnerAgency).HasMaxLength(200);
        builder.Property(p => p.Phase).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Step).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(p => p.NetworkSchoolIds).HasField("_networkSchoolIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => p.LeadId);
        builder.HasOne<PolicyArea>().WithMany().HasForeignKey(p => p.PolicyAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.Property(i => i.Change).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Distance).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(i => i.Scores).HasField("_scores").UsePropertyAccessMode(PropertyAccessMode.Field);
        JsonColumns.Document(builder, i => i.HorizonNotes, "_horizonNotes");
        builder.Ignore(i => i.GridQuadrant);
        builder.Ignore(i => i.CriteriaMet);
        builder.HasIndex(i => i.ProjectId);
        builder.HasOne<InnovationProject>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FieldTrialConfiguration : IEntityTypeConfiguration<FieldTrial>
{
    public void Configure(EntityTypeBuilder<FieldTrial> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.LeadPractitioner).HasMaxLength(200);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(t => t.SchoolIds).HasField("_schoolIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        JsonColumns.Document(builder, t => t.ResourceDomains, "_resourceDomains");
        JsonColumns.Document(builder, t => t.Baseline, "_baseline");
        JsonColumns.Document(builder, t => t.Indicators, "_indicators");
        JsonColumns.Document(builder, t => t.Support, "_support");
        JsonColumns.Document(builder, t => t.History, "_history");
        JsonColumns.Value(builder, t => t.Evaluation);
        JsonColumns.Value(builder, t => t.PracticeNote);
        builder.HasIndex(t => t.ProjectId);
        builder.HasOne<InnovationProject>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Idea>().WithMany().HasForeignKey(t => t.IdeaId).OnDelete(DeleteBehavior.Restrict);
    }
}
