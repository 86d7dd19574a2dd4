using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using School.Domain.Calendars;
using School.Domain.Staff;
using School.Domain.Students;
using School.Domain.Timetabling;
using SchoolEntity = School.Domain.Schools.School;

namespace School.Infrastructure.Persistence.Configurations;

internal sealed class AcademicYearConfiguration : IEntityTypeConfiguration<AcademicYear>
{
    public void Configure(EntityTypeBuilder<AcademicYear> builder)
    {
        builder.Property(y => y.Id).ValueGeneratedNever();
        builder.Property(y => y.Name).HasMaxLength(50);
        builder.Property(y => y.Version).IsConcurrencyToken();
        builder.Ignore(y => y.Start);
        builder.Ignore(y => y.End);
        builder.Ignore(y => y.CycleStart);
        builder.OwnsMany(y => y.HalfTerms, h =>
        {
            h.ToJson();
            h.Property(x => x.Term).HasConversion<string>();
        });
        builder.OwnsMany(y => y.Closures, c => c.ToJson());
        builder.Navigation(y => y.HalfTerms).HasField("_halfTerms").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(y => y.Closures).HasField("_closures").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(y => new { y.SchoolId, y.Name }).IsUnique().HasDatabaseName(UniqueIndexes.AcademicYearName);
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(y => y.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DayWindowConfiguration : IEntityTypeConfiguration<DayWindow>
{
    public void Configure(EntityTypeBuilder<DayWindow> builder)
    {
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(w => w.YearGroups).HasField("_yearGroups").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(w => w.PlacesTaken);
        builder.Ignore(w => w.PlacesLeft);
        builder.Ignore(w => w.IsFull);
        builder.HasIndex(w => new { w.SchoolId, w.Name }).IsUnique().HasDatabaseName(UniqueIndexes.WindowName);
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(w => w.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(w => w.Enrolments, e =>
        {
            e.ToTable("WindowEnrolments");
            e.WithOwner().HasForeignKey("DayWindowId");
            e.HasKey("DayWindowId", nameof(WindowEnrolment.StudentId));
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            // A student belongs to one window at a time, whatever races between two requests.
            e.HasIndex(x => x.StudentId).IsUnique().HasDatabaseName(UniqueIndexes.OneWindowPerStudent);
            e.HasOne<Student>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Navigation(w => w.Enrolments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StaffShiftConfiguration : IEntityTypeConfiguration<StaffShift>
{
    public void Configure(EntityTypeBuilder<StaffShift> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.CycleDay);
        builder.HasIndex(s => new { s.SchoolId, s.StaffMemberId });
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(s => s.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Address).HasMaxLength(300);
        builder.Property(r => r.Setting).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(r => r.IsOffSite);
        builder.HasIndex(r => new { r.SchoolId, r.Name }).IsUnique().HasDatabaseName(UniqueIndexes.RoomName);
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeachingGroupConfiguration : IEntityTypeConfiguration<TeachingGroup>
{
    public void Configure(EntityTypeBuilder<TeachingGroup> builder)
    {
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Name).HasMaxLength(100);
        builder.Property(g => g.Subject).HasMaxLength(100);
        builder.Property(g => g.Level).HasMaxLength(50);
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(30);
        builder.PrimitiveCollection(g => g.StudentIds).HasField("_studentIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(g => new { g.SchoolId, g.Name }).IsUnique().HasDatabaseName(UniqueIndexes.GroupName);
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(g => g.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LearningBlockConfiguration : IEntityTypeConfiguration<LearningBlock>
{
    public void Configure(EntityTypeBuilder<LearningBlock> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Title).HasMaxLength(200);
        builder.Property(b => b.Subject).HasMaxLength(100);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(b => b.StudentIds).HasField("_studentIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.PrimitiveCollection(b => b.StaffIds).HasField("_staffIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(b => b.IsDated);
        builder.Ignore(b => b.StartMinute);
        builder.Ignore(b => b.EndMinute);
        builder.HasIndex(b => b.SchoolId);
        builder.HasOne<SchoolEntity>().WithMany().HasForeignKey(b => b.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TeachingGroup>().WithMany().HasForeignKey(b => b.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Room>().WithMany().HasForeignKey(b => b.RoomId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.TokenHash).HasMaxLength(128);
        builder.Ignore(f => f.IsActive);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.AccountId);
        builder.HasOne<School.Domain.Accounts.UserAccount>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
