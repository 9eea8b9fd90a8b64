using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue14IdempotentOfflineEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CapturedAt",
                table: "Realisations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "Realisations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Realisations_IdempotencyKey",
                table: "Realisations",
                column: "IdempotencyKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Realisations_IdempotencyKey",
                table: "Realisations");

            migrationBuilder.DropColumn(
                name: "CapturedAt",
                table: "Realisations");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "Realisations");
        }
    }
}
