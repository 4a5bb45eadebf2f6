/** The 17 Sustainable Development Goals (ODD), titles as the UN and the French government publish them. */
export const SDGS: { number: number; titleFr: string; titleEn: string }[] = [
  { number: 1, titleEn: "No poverty", titleFr: "Pas de pauvreté" },
  { number: 2, titleEn: "Zero hunger", titleFr: "Faim « zéro »" },
  { number: 3, titleEn: "Good health and well-being", titleFr: "Bonne santé et bien-être" },
  { number: 4, titleEn: "Quality education", titleFr: "Éducation de qualité" },
  { number: 5, titleEn: "Gender equality", titleFr: "Égalité entre les sexes" },
  { number: 6, titleEn: "Clean water and sanitation", titleFr: "Eau propre et assainissement" },
  { number: 7, titleEn: "Affordable and clean energy", titleFr: "Énergie propre et d'un coût abordable" },
  { number: 8, titleEn: "Decent work and economic growth", titleFr: "Travail décent et croissance économique" },
  { number: 9, titleEn: "Industry, innovation and infrastructure", titleFr: "Industrie, innovation et infrastructure" },
  { number: 10, titleEn: "Reduced inequalities", titleFr: "Inégalités réduites" },
  { number: 11, titleEn: "Sustainable cities and communities", titleFr: "Villes et communautés durables" },
  { number: 12, titleEn: "Responsible consumption and production", titleFr: "Consommation et production responsables" },
  { number: 13, titleEn: "Climate action", titleFr: "Mesures relatives à la lutte contre les changements climatiques" },
  { number: 14, titleEn: "Life below water", titleFr: "Vie aquatique" },
  { number: 15, titleEn: "Life on land", titleFr: "Vie terrestre" },
  { number: 16, titleEn: "Peace, justice and strong institutions", titleFr: "Paix, justice et institutions efficaces" },
  { number: 17, titleEn: "Partnerships for the goals", titleFr: "Partenariats pour la réalisation des objectifs" },
];

/**
 * The targets of SDG 17, shortened from the UN text; 17.16 and 17.17 (multi-stakeholder and
 * public/private/civil-society partnerships), central to alliances, are given in full.
 */
export const SDG17_TARGETS: { code: string; titleEn: string; titleFr: string }[] = [
  { code: "17.1", titleEn: "Strengthen domestic resource mobilization, including through international support to developing countries", titleFr: "Améliorer la mobilisation de ressources nationales, notamment avec l'appui international aux pays en développement" },
  { code: "17.2", titleEn: "Developed countries to implement fully their official development assistance commitments", titleFr: "Faire en sorte que les pays développés honorent tous leurs engagements en matière d'aide publique au développement" },
  { code: "17.3", titleEn: "Mobilize additional financial resources for developing countries from multiple sources", titleFr: "Mobiliser des ressources financières supplémentaires de diverses provenances en faveur des pays en développement" },
  { code: "17.4", titleEn: "Assist developing countries in attaining long-term debt sustainability", titleFr: "Aider les pays en développement à assurer la viabilité à long terme de leur dette" },
  { code: "17.5", titleEn: "Adopt and implement investment promotion regimes for least developed countries", titleFr: "Adopter et mettre en œuvre des dispositifs visant à encourager l'investissement en faveur des pays les moins avancés" },
  { code: "17.6", titleEn: "Enhance North-South, South-South and triangular cooperation on science, technology and innovation", titleFr: "Renforcer la coopération Nord-Sud, Sud-Sud et triangulaire dans les domaines de la science, de la technologie et de l'innovation" },
  { code: "17.7", titleEn: "Promote the development, transfer and diffusion of environmentally sound technologies to developing countries", titleFr: "Promouvoir la mise au point, le transfert et la diffusion de technologies respectueuses de l'environnement en faveur des pays en développement" },
  { code: "17.8", titleEn: "Fully operationalize the technology bank and capacity-building mechanism for least developed countries", titleFr: "Faire en sorte que la banque de technologies et le mécanisme de renforcement des capacités des pays les moins avancés soient pleinement opérationnels" },
  { code: "17.9", titleEn: "Enhance international support for effective and targeted capacity-building in developing countries", titleFr: "Apporter, à l'échelon international, un soutien accru pour assurer le renforcement efficace et ciblé des capacités des pays en développement" },
  { code: "17.10", titleEn: "Promote a universal, rules-based, open, non-discriminatory and equitable multilateral trading system", titleFr: "Promouvoir un système commercial multilatéral universel, réglementé, ouvert, non discriminatoire et équitable" },
  { code: "17.11", titleEn: "Significantly increase the exports of developing countries", titleFr: "Accroître nettement les exportations des pays en développement" },
  { code: "17.12", titleEn: "Realize timely implementation of duty-free and quota-free market access for least developed countries", titleFr: "Permettre l'accès rapide de tous les pays les moins avancés aux marchés en franchise de droits et sans contingent" },
  { code: "17.13", titleEn: "Enhance global macroeconomic stability, through policy coordination and coherence", titleFr: "Renforcer la stabilité macroéconomique mondiale, notamment en favorisant la coordination et la cohérence des politiques" },
  { code: "17.14", titleEn: "Enhance policy coherence for sustainable development", titleFr: "Renforcer la cohérence des politiques de développement durable" },
  { code: "17.15", titleEn: "Respect each country's policy space and leadership to implement policies for sustainable development", titleFr: "Respecter la marge de manœuvre et l'autorité de chaque pays en ce qui concerne l'élaboration et l'application des politiques de développement durable" },
  { code: "17.16", titleEn: "Enhance the Global Partnership for Sustainable Development, complemented by multi-stakeholder partnerships that mobilize and share knowledge, expertise, technology and financial resources, to support the achievement of the Sustainable Development Goals in all countries, in particular developing countries", titleFr: "Renforcer le Partenariat mondial pour le développement durable, associé à des partenariats multipartites permettant de mobiliser et de partager des savoirs, des connaissances spécialisées, des technologies et des ressources financières, afin d'aider tous les pays, en particulier les pays en développement, à atteindre les objectifs de développement durable" },
  { code: "17.17", titleEn: "Encourage and promote effective public, public-private and civil society partnerships, building on the experience and resourcing strategies of partnerships", titleFr: "Encourager et promouvoir les partenariats publics, les partenariats public-privé et les partenariats avec la société civile, en faisant fond sur l'expérience acquise et les stratégies de financement appliquées en la matière" },
  { code: "17.18", titleEn: "Enhance capacity-building support to developing countries to increase the availability of high-quality, timely and reliable data", titleFr: "Apporter un soutien accru au renforcement des capacités des pays en développement pour disposer d'un beaucoup plus grand nombre de données de qualité, actualisées et exactes" },
  { code: "17.19", titleEn: "Build on existing initiatives to develop measurements of progress on sustainable development that complement gross domestic product", titleFr: "Tirer parti des initiatives existantes pour établir des indicateurs de progrès en matière de développement durable qui viendraient compléter le produit intérieur brut" },
];
