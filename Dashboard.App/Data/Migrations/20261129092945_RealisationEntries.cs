using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class RealisationEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Realisations_IndicatorId_Quarter",
                table: "Realisations");

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReason",
                table: "Realisations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Realisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "Realisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RelativePath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Narratives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Drivers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Obstacles = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SavedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Narratives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Narratives_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Realisations_IndicatorId_Quarter_Sequence",
                table: "Realisations",
                columns: new[] { "IndicatorId", "Quarter", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_IndicatorId_Quarter",
                table: "Evidence",
                columns: new[] { "IndicatorId", "Quarter" });

            migrationBuilder.CreateIndex(
                name: "IX_Narratives_IndicatorId_Quarter_Version",
                table: "Narratives",
                columns: new[] { "IndicatorId", "Quarter", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Evidence");

            migrationBuilder.DropTable(
                name: "Narratives");

            migrationBuilder.DropIndex(
                name: "IX_Realisations_IndicatorId_Quarter_Sequence",
                table: "Realisations");

            migrationBuilder.DropColumn(
                name: "CorrectionReason",
                table: "Realisations");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Realisations");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Realisations");

            migrationBuilder.CreateIndex(
                name: "IX_Realisations_IndicatorId_Quarter",
                table: "Realisations",
                columns: new[] { "IndicatorId", "Quarter" });
        }
    }
}
