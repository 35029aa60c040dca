<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA" sourcelanguage="en_GB">
<context>
    <name>ConvoyLayer</name>
    <message>
        <location filename="../../ui/convoys/layer.py" line="187" />
        <source>{convoy} · {n} vehicles · {people} people</source>
        <translation>{convoy} · машин: {n} · людей: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="191" />
        <source>from {a} to {b}</source>
        <translation>від {a} до {b}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="196" />
        <source>until {t}</source>
        <translation>до {t}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="204" />
        <source>{n} on the road</source>
        <translation>у дорозі: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="205" />
        <source>{n} boarding</source>
        <translation>посадка: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="206" />
        <source>{n} at checkpoints</source>
        <translation>на блокпостах: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="207" />
        <source>{n} done</source>
        <translation>завершено: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="209" />
        <source>{n} halted</source>
        <translation>на зупинці: {n}</translation>
    </message>
</context>
<context>
    <name>ConvoyState</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="56" />
        <source>not yet departed</source>
        <translation>ще не виїхала</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="57" />
        <source>forming up</source>
        <translation>формується</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="58" />
        <source>on the road</source>
        <translation>у дорозі</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="59" />
        <source>boarding at an assembly point</source>
        <translation>посадка в пункті збору</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="60" />
        <source>queued at a checkpoint</source>
        <translation>у черзі на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="61" />
        <source>being checked at a checkpoint</source>
        <translation>перевірка на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="62" />
        <source>halted</source>
        <translation>зупинка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="63" />
        <source>unloading at the reception point</source>
        <translation>висадка в пункті прийому</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="64" />
        <source>round finished</source>
        <translation>рейс завершено</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="122" />
        <location filename="../../ui/convoys/common.py" line="84" />
        <source>in (empty)</source>
        <translation>туди (порожня)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="123" />
        <location filename="../../ui/convoys/common.py" line="85" />
        <source>out (loaded)</source>
        <translation>назад (з людьми)</translation>
    </message>
</context>
<context>
    <name>Gantt</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="100" />
        <source>{convoy} · escort {escort}, round {round} · {n} vehicles · {people} people</source>
        <translation>{convoy} · супровід {escort}, рейс {round} · машин: {n} · людей: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="119" />
        <source>{checkpoint}: convoy {convoy}, {direction}, {n} vehicles, {people} people
waited {wait}</source>
        <translation>{checkpoint}: колона {convoy}, {direction}, машин: {n}, людей: {people}
очікування {wait}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="166" />
        <source>{checkpoint} queue</source>
        <translation>черга {checkpoint}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="238" />
        <source>max queue {n}</source>
        <translation>макс. черга {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="239" />
        <source>no queue</source>
        <translation>без черги</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="258" />
        <source>window end</source>
        <translation>кінець вікна</translation>
    </message>
</context>
<context>
    <name>GanttPanel</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="306" />
        <source>The schedule has no convoys.</source>
        <translation>У розкладі немає колон.</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="283" />
        <source>People out</source>
        <translation>Вивезено людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="284" />
        <source>Demand</source>
        <translation>Потреба</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="285" />
        <source>Upper bound</source>
        <translation>Верхня межа</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="286" />
        <source>Gap to bound</source>
        <translation>Відрив від межі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="287" />
        <source>Finish</source>
        <translation>Завершення</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="288" />
        <source>Convoys</source>
        <translation>Колони</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="289" />
        <source>Vehicles per convoy</source>
        <translation>Машин на колону</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="290" />
        <source>Vehicle-km</source>
        <translation>Машино-км</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="291" />
        <source>Seat use</source>
        <translation>Заповнення місць</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="346" />
        <source>Assembly point</source>
        <translation>Пункт збору</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="346" />
        <source>People</source>
        <translation>Людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="346" />
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="375" />
        <source>&lt;b&gt;Not served:&lt;/b&gt; nobody — every person in the plan gets out.</source>
        <translation>&lt;b&gt;Не вивезено:&lt;/b&gt; нікого — усіх людей за планом вивезено.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="377" />
        <source>&lt;b&gt;Not served&lt;/b&gt; ({n} people)</source>
        <translation>&lt;b&gt;Не вивезено&lt;/b&gt; (людей: {n})</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="91" />
        <source>unreachable</source>
        <translation>недосяжно</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="92" />
        <source>destination capacity</source>
        <translation>місткість пункту прийому</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="93" />
        <source>window</source>
        <translation>вікно</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="94" />
        <source>checkpoint throughput</source>
        <translation>пропускна здатність блокпостів</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="95" />
        <source>escorts</source>
        <translation>супровід</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="96" />
        <source>fleet</source>
        <translation>транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="97" />
        <source>priority rule</source>
        <translation>правило пріоритету</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../ui/panels/results.py" line="52" />
        <source>No results yet: press Compute (F5) to route and schedule the plan.</source>
        <translation>Результатів ще немає: натисніть «Розрахувати» (F5), щоб прокласти маршрути й скласти розклад.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="56" />
        <source>The plan was not scheduled: see the Problems list.</source>
        <translation>Розклад для плану не складено: див. список «Проблеми».</translation>
    </message>
</context>
<context>
    <name>RoutesPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="108" />
        <source>From</source>
        <translation>Звідки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="108" />
        <source>To</source>
        <translation>Куди</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="108" />
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="108" />
        <source>Length</source>
        <translation>Довжина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="108" />
        <source>Drive time</source>
        <translation>Час у дорозі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="109" />
        <source>Checkpoints</source>
        <translation>Блокпости</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="129" />
        <source>No pickup can reach a destination: see the Problems list.</source>
        <translation>Жоден пункт збору не має шляху до пункту прийому: див. список «Проблеми».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="133" />
        <source>none</source>
        <translation>немає</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="155" />
        <source>Convoy</source>
        <translation>Колона</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="155" />
        <source>Escort</source>
        <translation>Супровід</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="155" />
        <source>Round</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="155" />
        <location filename="../../ui/panels/results.py" line="160" />
        <source>Vehicles</source>
        <translation>Машин</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="156" />
        <source>Forms at</source>
        <translation>Формується в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="156" />
        <source>Departs</source>
        <translation>Виїзд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="156" />
        <source>Latest safe departure</source>
        <translation>Найпізніший безпечний виїзд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="157" />
        <source>Stops (boarded)</source>
        <translation>Зупинки (посаджено)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="157" />
        <source>Reception point</source>
        <translation>Пункт прийому</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="157" />
        <location filename="../../ui/panels/results.py" line="159" />
        <source>Arrives</source>
        <translation>Прибуття</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="157" />
        <location filename="../../ui/panels/results.py" line="161" />
        <source>People</source>
        <translation>Людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="159" />
        <source>Direction</source>
        <translation>Напрямок</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="159" />
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="160" />
        <source>Check starts</source>
        <translation>Початок перевірки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="160" />
        <source>Wait</source>
        <translation>Очікування</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="160" />
        <source>Clear</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="162" />
        <source>Vehicle</source>
        <translation>Машина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="162" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="162" />
        <source>Seats</source>
        <translation>Місць</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="162" />
        <source>Passengers</source>
        <translation>Пасажирів</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="163" />
        <source>Boarded at</source>
        <translation>Посадка в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="201" />
        <source>The schedule has no convoys: nobody can leave in this window (see the Summary).</source>
        <translation>У розкладі немає колон: у цьому вікні ніхто не може виїхати (див. «Підсумок»).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="251" />
        <source>Select a convoy to see its checkpoint passages and vehicles.</source>
        <translation>Виберіть колону, щоб побачити її проходження блокпостів і машини.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="255" />
        <source>&lt;b&gt;{convoy}&lt;/b&gt;: {n} checkpoint passages in, {m} out; {people} people on {vehicles} vehicles</source>
        <translation>&lt;b&gt;{convoy}&lt;/b&gt;: проходжень блокпостів туди: {n}, назад: {m}; людей: {people}, машин: {vehicles}</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="72" />
        <source>driving in (empty)</source>
        <translation>рух туди (порожня)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="73" />
        <source>boarding</source>
        <translation>посадка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="74" />
        <source>queued at a checkpoint</source>
        <translation>у черзі на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="75" />
        <source>checkpoint passage</source>
        <translation>проходження блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="76" />
        <source>halt</source>
        <translation>зупинка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="77" />
        <source>driving out (loaded)</source>
        <translation>рух назад (з людьми)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="78" />
        <source>unloading</source>
        <translation>висадка</translation>
    </message>
</context>
<context>
    <name>TimeSlider</name>
    <message>
        <location filename="../../ui/convoys/slider.py" line="37" />
        <source>Play the schedule</source>
        <translation>Відтворити розклад</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="39" />
        <source>Time:</source>
        <translation>Час:</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="41" />
        <source>Where every convoy is at this time</source>
        <translation>Де перебуває кожна колона в цей час</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="71" />
        <source>no schedule</source>
        <translation>розкладу немає</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="48" />
        <source>h</source>
        <translation>год</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="49" />
        <source>min</source>
        <translation>хв</translation>
    </message>
</context>
</TS>
