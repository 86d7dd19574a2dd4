using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using School.Domain.Common;
using School.Domain.Staff;
using School.Domain.Students;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Infrastructure.Persistence.Configurations;

internal sealed class StudentConfiguration : IEntityTypeConfiguration<Student>
{
    public void Configure(EntityTypeBuilder<Student> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PupilNumber).HasMaxLength(PupilNumber.MaxLength);
        builder.Property(s => s.GivenName).HasMaxLength(PersonName.MaxLength);
        builder.Property(s => s.FamilyName).HasMaxLength(PersonName.MaxLength);
        builder.Property(s => s.PreferredName).HasMaxLength(PersonName.MaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.SchoolId, s.PupilNumber }).IsUnique().HasDatabaseName(UniqueIndexes.StudentPupilNumber);
        builder.HasIndex(s => new { s.SchoolId, s.FamilyName, s.GivenName });
        // The mentoring sweep pages a school's pupils in id order: without this each batch sorts the whole school.
        builder.HasIndex(s => new { s.SchoolId, s.Id });
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(s => s.PersonalTutorId).OnDelete(DeleteBehavior.Restrict);
        // A mentor is a registered mentor (a member of staff or an older pupil), whose id is the person's id.
        builder.HasOne<School.Domain.Mentoring.Mentor>().WithMany().HasForeignKey(s => s.MentorId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(s => s.GuardianLinks, link =>
        {
            link.ToTable("GuardianLinks");
            link.WithOwner().HasForeignKey(l => l.StudentId);
            link.HasKey(l => new { l.StudentId, l.GuardianId });
            link.Property(l => l.Relationship).HasConversion<string>().HasMaxLength(30);
            link.Property(l => l.AccessStoppedReason).HasMaxLength(GuardianLink.ReasonMaxLength);
            link.HasOne<Guardian>().WithMany().HasForeignKey(l => l.GuardianId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(l => l.GuardianId);
        });
        builder.Navigation(s => s.GuardianLinks).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class GuardianConfiguration : IEntityTypeConfiguration<Guardian>
{
    public void Configure(EntityTypeBuilder<Guardian> builder)
    {
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.GivenName).HasMaxLength(PersonName.MaxLength);
        builder.Property(g => g.FamilyName).HasMaxLength(PersonName.MaxLength);
        builder.Property(g => g.Email).HasMaxLength(320);
        builder.Property(g => g.Phone).HasMaxLength(40);
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(g => g.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}
