package io.orderlift.samples;

import java.util.List;

/**
 * The three bundled sample stores. Each plants the structure Orderlift is built to find; the
 * {@code note}s become the store's README, and tests check that mining finds what they say.
 */
final class Recipes {

    private Recipes() {
    }

    static List<Recipe> all() {
        return List.of(outdoor(), kitchen(), beauty());
    }

    static Recipe byName(String name) {
        return all().stream().filter(r -> r.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample store named " + name
                        + " (outdoor, kitchen, beauty)"));
    }

    static Recipe outdoor() {
        return new Recipe("outdoor", "Summit & Trail — outdoor gear", "OUT",
                new double[] {0.6, 0.65, 0.85, 1.05, 1.25, 1.4, 1.45, 1.3, 1.05, 0.85, 0.8, 1.1})
                .category("TEN", "Tents", 0.10, 149, 549, "Trail tent 2P", "Dome tent 3P", "Ultralight tent 1P",
                        "Family tent 4P", "Tunnel tent 2P", "Backpacking tent 2P")
                .category("SLP", "Sleeping bags", 0.10, 89, 329, "Down sleeping bag -5", "Synthetic sleeping bag +5",
                        "Summer quilt", "Mummy bag -10", "Kids sleeping bag")
                .category("PCK", "Backpacks", 0.12, 69, 289, "Daypack 22 L", "Trekking pack 45 L",
                        "Expedition pack 65 L", "Hydration pack 12 L", "Travel pack 40 L")
                .category("STV", "Stoves & cookware", 0.08, 29, 149, "Titanium pot 750 ml", "Cook set 2P",
                        "Folding spork", "Canister stove", "Pan 20 cm")
                .category("JKT", "Jackets", 0.14, 99, 399, "Rain shell", "Down jacket", "Fleece midlayer",
                        "Softshell jacket", "Insulated parka")
                .category("BTS", "Boots", 0.12, 109, 259, "Hiking boot mid", "Trail runner", "Approach shoe",
                        "Winter boot", "Light hiker")
                .category("LMP", "Lighting", 0.07, 19, 79, "Camp lantern", "String lights", "Bike light")
                .category("H2O", "Water", 0.06, 15, 59, "Bottle 1 L", "Insulated flask 750 ml", "Collapsible bucket")
                .category("ACC", "Accessories", 0.10, 5, 29, "Carabiner", "Dry bag 10 L", "Trekking pole tip",
                        "Repair kit, tent fabric", "Compass", "Whistle")
                .consumables("FUD", "Trail food", 0.11, 3, 12, "Energy bar", "Freeze-dried meal", "Electrolyte tabs",
                        "Trail mix 250 g")
                .plant("OUT-STAKES", "Aluminium tent stakes, 8 pack", "Accessories", 8.99, false)
                .plant("OUT-FOOTPRINT", "Tent footprint groundsheet", "Tents", 54.00, false)
                .companion("Tents", "OUT-STAKES", 0.30)
                .companion("Tents", "OUT-FOOTPRINT", 0.09)
                .note("**Cheap popular add-on vs premium add-on.** With any tent (category Tents), aluminium tent"
                        + " stakes `OUT-STAKES` ($8.99) are added 30% of the time and the tent footprint"
                        + " `OUT-FOOTPRINT` ($54.00) 9% of the time: stakes win on co-purchase count, the footprint"
                        + " on revenue per impression (about $4.86 against $2.70).")
                .plant("OUT-STOVE-JET", "Integrated stove system 1 L", "Stoves & cookware", 119.00, true)
                .plantConsumable("OUT-FUEL-230", "Fuel canister 230 g", "Stoves & cookware", 6.49)
                .companion("OUT-STOVE-JET", "OUT-FUEL-230", 0.55)
                .followOn("OUT-STOVE-JET", "OUT-FUEL-230", 0.35)
                .note("**Complement and refill.** The stove system `OUT-STOVE-JET` is bought with a fuel canister"
                        + " `OUT-FUEL-230` in 55% of its orders, and 35% of its buyers (with a customer id) come back"
                        + " 3–30 days later for another canister.")
                .plant("OUT-FILTER", "Squeeze water filter", "Water", 39.00, true)
                .plant("OUT-CARTRIDGE", "Replacement filter cartridge", "Water", 24.95, false)
                .followOn("OUT-FILTER", "OUT-CARTRIDGE", 0.30)
                .note("**Follow-on only.** Buyers of the water filter `OUT-FILTER` buy a replacement cartridge"
                        + " `OUT-CARTRIDGE` 3–30 days later (30%), almost never in the same order.")
                .plant("OUT-HEADLAMP", "Headlamp 200 lm", "Lighting", 19.00, true)
                .plant("OUT-HEADLAMP-PRO", "Rechargeable headlamp 900 lm", "Lighting", 69.00, false)
                .followOn("OUT-HEADLAMP", "OUT-HEADLAMP-PRO", 0.12)
                .note("**Upgrade.** 12% of the buyers of the basic headlamp `OUT-HEADLAMP` upgrade to"
                        + " `OUT-HEADLAMP-PRO` 3–30 days later.")
                .plant("OUT-PAD-PRO", "Insulated sleeping pad R5", "Sleeping bags", 139.00, false)
                .companionIfCartHolds("Tents", "OUT-PAD-PRO", 0.22, "Sleeping bags")
                .companion("Sleeping bags", "OUT-PAD-PRO", 0.03)
                .note("**Category mix.** A cart holding a tent *and* a sleeping bag gets the premium sleeping pad"
                        + " `OUT-PAD-PRO` ($139) 22% of the time; a sleeping bag alone only 3%.")
                .plant("OUT-SOCKS", "Merino hiking socks", "Accessories", 18.00, false)
                .plant("OUT-INSOLES", "Cushioned performance insoles", "Boots", 49.00, false)
                .companionIfCartBelow("Boots", "OUT-SOCKS", 0.28, 200)
                .companionIfCartAtLeast("Boots", "OUT-INSOLES", 0.18, 250)
                .note("**Cart total.** With boots in a cart under $200, merino socks `OUT-SOCKS` are added 28% of"
                        + " the time; in a cart of $250 or more, the insoles `OUT-INSOLES` ($49) 18%.");
    }

    static Recipe kitchen() {
        return new Recipe("kitchen", "Mise en Place — kitchen & home", "KIT",
                new double[] {0.85, 0.8, 0.85, 0.9, 0.95, 0.9, 0.85, 0.9, 1.0, 1.1, 1.45, 1.75})
                .category("CKW", "Cookware", 0.14, 35, 260, "Frying pan 28 cm", "Saucepan 2 L", "Wok, carbon steel",
                        "Stock pot 8 L", "Grill pan")
                .category("KNF", "Knives", 0.10, 25, 220, "Paring knife", "Bread knife", "Santoku",
                        "Utility knife", "Knife block")
                .category("APL", "Small appliances", 0.10, 49, 399, "Kettle", "Toaster 2-slice", "Blender",
                        "Hand mixer", "Rice cooker")
                .category("BAK", "Bakeware", 0.10, 12, 60, "Loaf tin", "Muffin tray", "Springform 24 cm",
                        "Baking sheet", "Pie dish")
                .category("UTN", "Utensils", 0.14, 6, 35, "Spatula", "Whisk", "Tongs", "Ladle", "Peeler",
                        "Measuring cups, set of 4")
                .category("STO", "Storage", 0.10, 9, 49, "Glass jar 1 L", "Lunch box", "Spice rack", "Bread bin")
                .category("TBL", "Tableware", 0.12, 15, 120, "Dinner plates, set of 4", "Mug", "Serving bowl",
                        "Glasses, set of 6")
                .consumables("CNS", "Pantry & care", 0.12, 4, 25, "Dish soap", "Sponges", "Coffee filters",
                        "Oven cleaner")
                .plant("KIT-ESPRESSO", "Espresso machine", "Small appliances", 349.00, true)
                .plant("KIT-DESCALER", "Descaling solution", "Pantry & care", 9.99, false)
                .plant("KIT-GRINDER", "Burr coffee grinder", "Small appliances", 129.00, false)
                .plantConsumable("KIT-BEANS", "Espresso beans 1 kg", "Pantry & care", 24.00)
                .companion("KIT-ESPRESSO", "KIT-DESCALER", 0.32)
                .companion("KIT-ESPRESSO", "KIT-GRINDER", 0.07)
                .companion("KIT-ESPRESSO", "KIT-BEANS", 0.35)
                .followOn("KIT-ESPRESSO", "KIT-BEANS", 0.40)
                .note("**Cheap popular add-on vs premium add-on.** With the espresso machine `KIT-ESPRESSO`,"
                        + " descaler `KIT-DESCALER` ($9.99) is added 32% of the time and the burr grinder"
                        + " `KIT-GRINDER` ($129) 7%: about $9.03 per impression for the grinder against $3.20.")
                .note("**Complement and refill.** Espresso beans `KIT-BEANS` come with the machine in 35% of its"
                        + " orders, and 40% of its buyers reorder beans 3–30 days later.")
                .plant("KIT-CHEFKNIFE", "Chef's knife 20 cm", "Knives", 89.00, true)
                .plant("KIT-HONING", "Honing steel", "Knives", 19.00, false)
                .plant("KIT-BOARD", "End-grain cutting board", "Utensils", 79.00, false)
                .companion("KIT-CHEFKNIFE", "KIT-HONING", 0.25)
                .companion("KIT-CHEFKNIFE", "KIT-BOARD", 0.10)
                .note("**A second price trade-off.** The chef's knife `KIT-CHEFKNIFE` brings the honing steel"
                        + " `KIT-HONING` ($19, 25%) and the cutting board `KIT-BOARD` ($79, 10%).")
                .plant("KIT-JUG", "Water filter jug", "Storage", 34.00, true)
                .plantConsumable("KIT-JUG-FILTERS", "Filter cartridges, 3 pack", "Pantry & care", 19.99)
                .followOn("KIT-JUG", "KIT-JUG-FILTERS", 0.33)
                .note("**Follow-on only.** 33% of the buyers of the filter jug `KIT-JUG` buy cartridges"
                        + " `KIT-JUG-FILTERS` 3–30 days later.")
                .plant("KIT-DUTCHOVEN", "Enamelled Dutch oven 5 L", "Cookware", 199.00, false)
                .companionIfCartHolds("Cookware", "KIT-DUTCHOVEN", 0.14, "Knives")
                .note("**Category mix.** Carts holding cookware *and* a knife get the Dutch oven `KIT-DUTCHOVEN`"
                        + " 14% of the time; cookware alone does not.")
                .plant("KIT-MIXER", "Stand mixer", "Small appliances", 299.00, false)
                .plant("KIT-PARCHMENT", "Parchment paper roll", "Bakeware", 5.49, false)
                .companionIfCartAtLeast("Bakeware", "KIT-MIXER", 0.08, 100)
                .companionIfCartBelow("Bakeware", "KIT-PARCHMENT", 0.30, 100)
                .note("**Cart total.** Bakeware in a cart under $100 brings parchment `KIT-PARCHMENT` (30%);"
                        + " in a cart of $100 or more, the stand mixer `KIT-MIXER` (8%).");
    }

    static Recipe beauty() {
        return new Recipe("beauty", "Glow Theory — beauty & care", "BEA",
                new double[] {0.9, 1.15, 0.95, 0.95, 1.05, 0.95, 0.9, 0.9, 0.95, 1.0, 1.25, 1.6})
                .category("SKN", "Skincare", 0.20, 12, 89, "Hydrating toner", "Night cream", "Eye gel",
                        "Exfoliating acid", "Sheet masks, 5 pack")
                .category("MKP", "Makeup", 0.18, 8, 55, "Mascara", "Lipstick", "Concealer", "Brow pencil",
                        "Blush palette")
                .category("HAIR", "Haircare", 0.14, 9, 45, "Shampoo 300 ml", "Conditioner 300 ml", "Hair mask",
                        "Dry shampoo")
                .category("FRG", "Fragrance", 0.10, 35, 150, "Eau de parfum 50 ml", "Eau de toilette 100 ml",
                        "Solid perfume")
                .category("TLS", "Tools", 0.08, 15, 250, "Jade roller", "Makeup brush set", "Straightener",
                        "Curling wand")
                .category("BTH", "Bath & body", 0.14, 6, 30, "Body wash", "Bath salts", "Hand cream", "Body scrub")
                .consumables("NAIL", "Nails", 0.10, 5, 20, "Nail polish", "Top coat", "Polish remover", "Nail file")
                .plant("BEA-SERUM", "Vitamin C serum 30 ml", "Skincare", 48.00, true)
                .plant("BEA-COTTON", "Cotton pads, 100 pack", "Skincare", 3.99, false)
                .plant("BEA-SPF", "Mineral SPF 50 moisturiser", "Skincare", 38.00, false)
                .companion("BEA-SERUM", "BEA-COTTON", 0.35)
                .companion("BEA-SERUM", "BEA-SPF", 0.12)
                .note("**Cheap popular add-on vs premium add-on.** With the vitamin C serum `BEA-SERUM`, cotton"
                        + " pads `BEA-COTTON` ($3.99) are added 35% of the time and the SPF moisturiser `BEA-SPF`"
                        + " ($38) 12%: about $4.56 per impression against $1.40.")
                .plant("BEA-DRYER", "Ionic hair dryer", "Tools", 179.00, true)
                .plant("BEA-HEATSPRAY", "Heat protection spray", "Haircare", 16.00, false)
                .plant("BEA-BRUSH-PRO", "Boar-bristle round brush", "Tools", 42.00, false)
                .companion("BEA-DRYER", "BEA-HEATSPRAY", 0.40)
                .companion("BEA-DRYER", "BEA-BRUSH-PRO", 0.15)
                .note("**Complements.** The hair dryer `BEA-DRYER` brings heat spray `BEA-HEATSPRAY` (40%) and"
                        + " the round brush `BEA-BRUSH-PRO` (15%).")
                .plant("BEA-CLEANSER", "Gentle foaming cleanser", "Skincare", 22.00, true)
                .plantConsumable("BEA-CLEANSER-REFILL", "Cleanser refill pouch", "Skincare", 18.00)
                .followOn("BEA-CLEANSER", "BEA-CLEANSER-REFILL", 0.35)
                .note("**Refill.** 35% of the buyers of the cleanser `BEA-CLEANSER` buy the refill pouch"
                        + " `BEA-CLEANSER-REFILL` 3–30 days later.")
                .plant("BEA-PRIMER", "Hydrating primer", "Makeup", 32.00, false)
                .companionIfCartHolds("Makeup", "BEA-PRIMER", 0.20, "Skincare")
                .note("**Category mix.** Carts holding makeup *and* skincare get the primer `BEA-PRIMER` 20% of"
                        + " the time; makeup alone does not.")
                .plant("BEA-GIFTBOX", "Gift box", "Bath & body", 6.00, false)
                .plant("BEA-LOTION", "Matching body lotion", "Fragrance", 45.00, false)
                .companionIfCartBelow("Fragrance", "BEA-GIFTBOX", 0.25, 80)
                .companionIfCartAtLeast("Fragrance", "BEA-LOTION", 0.18, 120)
                .note("**Cart total.** Fragrance in a cart under $80 brings the gift box `BEA-GIFTBOX` (25%); in"
                        + " a cart of $120 or more, the matching body lotion `BEA-LOTION` ($45, 18%).");
    }
}
