/**
 * The default chain maps of the plan's seven key industries (version 1 of each, seeded by the
 * migration `chain_map` and reset by nothing: the task force edits them as new versions). Each node
 * lists the GB/T 4754-2017 classes whose enterprises it holds by default; nodes without a fitting
 * manufacturing class (software, design, services) have none and are filled by hand placements.
 * Pure data. `default-maps.db.test.ts` checks that the migration seeded exactly this.
 */
import type { Segment } from './codes';

export interface DefaultNode {
  code: string;
  parent?: string;
  segment: Segment;
  zh: string;
  en: string;
  classes: string[];
}

const U = 'upstream' as const;
const M = 'midstream' as const;
const D = 'downstream' as const;
const n = (code: string, segment: Segment, zh: string, en: string, classes: string[] = [], parent?: string) =>
  ({ code, segment, zh, en, classes, ...(parent ? { parent } : {}) }) as DefaultNode;

export const DEFAULT_MAPS: Record<string, { note: string; nodes: DefaultNode[] }> = {
  smart_iot: {
    note: '默认图谱：感知—网络—终端—应用',
    nodes: [
      n('IOT-U01', U, '传感器与敏感元件', 'Sensors and sensing elements', ['3983']),
      n('IOT-U02', U, '电子元器件', 'Electronic components', ['3981', '3982', '3989']),
      n('IOT-U03', U, '光电子与显示器件', 'Optoelectronics and displays', ['3974', '3976']),
      n('IOT-U04', U, '通信芯片与模组', 'Communication chips and modules', ['3979']),
      n('IOT-M01', M, '通信网络设备', 'Network and communication equipment', ['3921', '3832', '3833']),
      n('IOT-M02', M, '智能终端', 'Smart terminals', ['3922', '3961']),
      n('IOT-M03', M, '计算机与服务器', 'Computers and servers', ['3911', '3912', '3913']),
      n('IOT-M04', M, '视频安防', 'Video surveillance and security', ['3939', '3915']),
      n('IOT-M05', M, '工业控制与仪器仪表', 'Industrial control and instruments', ['3914', '4011', '4028']),
      n('IOT-D01', D, '智能家居', 'Smart home', ['3969', '3874']),
      n('IOT-D02', D, '车联网', 'Connected vehicles', ['3962']),
      n('IOT-D03', D, '智慧城市解决方案', 'Smart city solutions'),
      n('IOT-D04', D, '工业互联网平台', 'Industrial internet platforms'),
    ],
  },
  high_end_equipment: {
    note: '默认图谱：基础零部件—整机装备—应用',
    nodes: [
      n('HEE-U01', U, '核心基础零部件', 'Core basic components', ['3451', '3453', '3444']),
      n('HEE-U02', U, '工业母机', 'Machine tools', ['3421', '3422', '3425']),
      n('HEE-U03', U, '数控系统与传感', 'CNC systems and sensing', ['4011']),
      n('HEE-M01', M, '工业机器人', 'Industrial robots', ['3491']),
      n('HEE-M02', M, '增材制造装备', 'Additive manufacturing equipment', ['3493']),
      n('HEE-M03', M, '轨道交通装备', 'Rail transit equipment', [
        '3711',
        '3712',
        '3714',
        '3715',
        '3716',
        '3720',
      ]),
      n('HEE-M04', M, '航空航天装备', 'Aerospace equipment', ['3741', '3742', '3743', '3744']),
      n('HEE-M05', M, '海洋工程装备', 'Marine engineering equipment', ['3737', '3734']),
      n('HEE-M06', M, '智能电网装备', 'Smart grid equipment', ['3821', '3822', '3823', '3824']),
      n('HEE-D01', D, '整车制造', 'Vehicle manufacturing', ['3611']),
      n('HEE-D02', D, '汽车零部件', 'Automotive parts', ['3670']),
      n('HEE-D03', D, '工程机械', 'Construction machinery', ['3514', '3517']),
    ],
  },
  biomedicine: {
    note: '默认图谱：原料与装备—药品与器械—流通与服务',
    nodes: [
      n('BIO-U01', U, '原料药与中间体', 'APIs and intermediates', ['2710']),
      n('BIO-U02', U, '药用辅料与包装材料', 'Excipients and packaging', ['2780']),
      n('BIO-U03', U, '制药装备', 'Pharmaceutical equipment', ['3544']),
      n('BIO-U04', U, '研发外包（CRO/CDMO）', 'Contract research and manufacturing (CRO/CDMO)'),
      n('BIO-M01', M, '化学药制剂', 'Chemical drug formulations', ['2720']),
      n('BIO-M02', M, '生物药', 'Biologics', ['2761']),
      n('BIO-M03', M, '基因工程药物与疫苗', 'Genetically engineered drugs and vaccines', ['2762']),
      n('BIO-M04', M, '现代中药', 'Modern Chinese medicine', ['2730', '2740']),
      n('BIO-M05', M, '医疗器械', 'Medical devices', []),
      n(
        'BIO-M05-01',
        M,
        '诊断与治疗设备',
        'Diagnostic and therapeutic equipment',
        ['3581', '3583'],
        'BIO-M05',
      ),
      n(
        'BIO-M05-02',
        M,
        '高值医用耗材与器械',
        'High-value consumables and instruments',
        ['3584', '3589', '2770'],
        'BIO-M05',
      ),
      n('BIO-M05-03', M, '口腔与眼科器械', 'Dental and ophthalmic devices', ['3582', '3587'], 'BIO-M05'),
      n('BIO-D01', D, '康复与护理', 'Rehabilitation and care', ['3585', '3586']),
      n('BIO-D02', D, '医药流通与健康服务', 'Pharmaceutical distribution and health services'),
    ],
  },
  new_materials: {
    note: '默认图谱：基础原料—关键材料—应用领域',
    nodes: [
      n('NM-U01', U, '基础化工原料', 'Basic chemical feedstocks', ['2614', '2619']),
      n('NM-U02', U, '稀有稀土金属', 'Rare and rare-earth metals', ['3231', '3232', '3239']),
      n('NM-M01', M, '高性能纤维', 'High-performance fibres', ['2826', '2829', '2831']),
      n('NM-M02', M, '先进高分子材料', 'Advanced polymers', ['2651', '2652', '2659']),
      n('NM-M03', M, '电子专用材料', 'Electronic materials', ['3985']),
      n('NM-M04', M, '特种玻璃与先进陶瓷', 'Special glass and advanced ceramics', [
        '3042',
        '3051',
        '3052',
        '3073',
      ]),
      n('NM-M05', M, '先进金属材料', 'Advanced metallic materials', ['3240', '3254']),
      n('NM-M06', M, '碳材料与复合材料', 'Carbon and composite materials', ['3091', '3061', '3062']),
      n('NM-M07', M, '生物基材料', 'Bio-based materials', ['2832']),
      n('NM-D01', D, '新能源与储能', 'New energy and storage', ['3841']),
      n('NM-D02', D, '航空航天', 'Aerospace', ['3741', '3744']),
      n('NM-D03', D, '建筑节能', 'Energy-efficient buildings', ['3034']),
    ],
  },
  green_energy: {
    note: '默认图谱：材料—装备与电池—应用与运营',
    nodes: [
      n('GE-U01', U, '光伏硅材料', 'Photovoltaic silicon', ['3218']),
      n('GE-U02', U, '锂电材料', 'Lithium battery materials', ['2613']),
      n('GE-U03', U, '风电零部件', 'Wind turbine components', ['3453']),
      n('GE-M01', M, '光伏电池与组件', 'PV cells and modules', ['3825']),
      n('GE-M02', M, '风电整机', 'Wind turbines', ['3415']),
      n('GE-M03', M, '锂离子电池', 'Lithium-ion batteries', ['3841']),
      n('GE-M04', M, '储能与其他电池', 'Energy storage and other batteries', ['3842', '3843', '3849']),
      n('GE-M05', M, '氢能与燃料电池', 'Hydrogen and fuel cells'),
      n('GE-M06', M, '水电装备', 'Hydropower equipment', ['3414']),
      n('GE-D01', D, '新能源汽车', 'New energy vehicles', ['3612']),
      n('GE-D02', D, '充换电设施', 'Charging and battery swapping'),
      n('GE-D03', D, '太阳能热利用', 'Solar thermal', ['3862']),
      n('GE-D04', D, '新能源发电运营', 'Renewable power operation'),
    ],
  },
  integrated_circuits: {
    note: '默认图谱：EDA/IP、材料、设备—设计、制造、封测—应用',
    nodes: [
      n('IC-U01', U, 'EDA 与 IP 核', 'EDA and IP cores'),
      n('IC-U02', U, '半导体材料', 'Semiconductor materials', ['3985']),
      n('IC-U02-01', U, '硅片与衬底', 'Wafers and substrates', ['3218'], 'IC-U02'),
      n('IC-U02-02', U, '电子化学品与气体', 'Electronic chemicals and gases', ['2661'], 'IC-U02'),
      n('IC-U03', U, '半导体设备', 'Semiconductor equipment', ['3562']),
      n('IC-M01', M, '芯片设计', 'Chip design'),
      n('IC-M02', M, '晶圆制造', 'Wafer fabrication', ['3973']),
      n('IC-M03', M, '封装测试', 'Packaging and testing'),
      n('IC-M04', M, '分立器件与功率半导体', 'Discrete and power semiconductors', ['3972']),
      n('IC-D01', D, '通信设备', 'Communication equipment', ['3921']),
      n('IC-D02', D, '汽车电子', 'Automotive electronics', ['3962']),
      n('IC-D03', D, '工业控制', 'Industrial control', ['3914']),
      n('IC-D04', D, '消费电子', 'Consumer electronics', ['3922', '3961']),
    ],
  },
  artificial_intelligence: {
    note: '默认图谱：基础层—技术层—应用层',
    nodes: [
      n('AI-U01', U, '人工智能芯片', 'AI chips'),
      n('AI-U02', U, '算力与服务器', 'Computing power and servers', ['3919']),
      n('AI-U03', U, '智能传感与视觉', 'Smart sensing and vision', ['3983']),
      n('AI-U04', U, '数据与算法框架', 'Data and algorithm frameworks'),
      n('AI-M01', M, '计算机视觉', 'Computer vision'),
      n('AI-M02', M, '语音与自然语言处理', 'Speech and natural language processing'),
      n('AI-M03', M, '大模型', 'Large models'),
      n('AI-D01', D, '工业机器人', 'Industrial robots', ['3491']),
      n('AI-D02', D, '特种作业机器人', 'Special-purpose robots', ['3492']),
      n('AI-D03', D, '服务机器人', 'Service robots', ['3964']),
      n('AI-D04', D, '智能无人机', 'Intelligent drones', ['3963']),
      n('AI-D05', D, '智能网联汽车', 'Intelligent connected vehicles', ['3962']),
    ],
  },
};
